-- Delivery channels (webhooks, e-mail) follow the outbox from a stored position (cn.emall.events.
-- EventConsumers): one row per channel, locked while the channel takes the next events and writes
-- its delivery rows, so that service instances never hand out the same event twice. The position is
-- an EventCursor: events are taken in (tx, position) order, as the change feed serves them.
create table event_consumer (
    name         varchar(40)  primary key,
    tx           xid8         not null,
    position     bigint       not null,
    advanced_at  timestamptz  not null
);
