-- The outbox (cn.emall.events): every change of state that someone outside must learn of, written in
-- the transaction that makes the change, so that no event is lost and none is invented by a
-- transaction that rolls back. Readers (the change feed, webhook deliveries) take events in the order
-- of (tx, position) and only below the oldest transaction still running, so that an event whose
-- transaction commits late is never skipped.
create table event (
    position      bigserial    primary key,
    id            uuid         not null unique,
    tx            xid8         not null default pg_current_xact_id(),
    type          varchar(40)  not null,
    occurred_at   timestamptz  not null,
    subject_kind  varchar(16)  not null,
    subject_id    varchar(64)  not null,
    data          jsonb        not null
);
create index event_feed on event (tx, position);
create index event_occurred_at on event (occurred_at);

-- How far the feed has been cut by retention: cursors at or before it have expired (410).
create table event_horizon (
    singleton  boolean primary key default true check (singleton),
    tx         xid8    not null,
    position   bigint  not null
);
