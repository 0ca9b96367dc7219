-- The announcement board reads only delisting notices, a few hundred among the rectification notices
-- of every night (126,000 after a province's first night): an index of their own, newest first, so
-- that a board page, its count and its feed read those rows and not the whole table.
create index notice_board on notice (id) where kind = 'DELISTING';

-- Retention looks events up by age once a night; events are appended in time order, so a block-range
-- index serves it at a fraction of a b-tree's cost on every insert.
drop index event_occurred_at;
create index event_occurred_at on event using brin (occurred_at);
