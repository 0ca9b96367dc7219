-- The announcement board reads only delisting notices, a few hundred among the rectification notices
-- of every night (126,000 after a province's first night): an index of their own, newest first, so
-- that a board page, its count and its feed read those rows and not the whole table.
create index notice_board on notice (id) where kind = 'DELISTING';

-- Retention looks events up by age once a night; events are appended in time order, so a block-range
-- index serves it at a fraction of a b-tree's cost on every insert.
drop index event_occurred_at;
create index event_occurred_at on event using brin (occurred_at);

-- An event's data is written once and only ever read back whole, as text (the feed, webhooks, e-mail):
-- json keeps it as written and skips jsonb's parsing on each of a night's quarter of a million inserts.
alter table event alter column data type json;

-- Ids are version 7 UUIDs made by the service (a millisecond and 74 random bits: cn.emall.events.Outbox),
-- never looked up by themselves; a unique index on them cost every insert for a guarantee the way
-- they are made already gives. Deliveries keep their own uniqueness per event (one per receiver).
alter table event drop constraint event_id_key;
