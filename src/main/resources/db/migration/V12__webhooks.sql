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

-- Webhook receivers (cn.emall.webhooks). The signing secret is stored sealed (AES-256-GCM under a
-- key kept outside the database: emall.webhooks.secret-key, or a key file in the data directory), so
-- that a copy of the database alone does not let anyone sign as the e-mall. A receiver's queue is
-- tried in feed order: next_attempt_at holds the whole receiver back after its oldest undelivered
-- event failed, and the lease marks the instance that is sending to it right now. A receiver gets
-- the events after (start_tx, start_position): the end of the feed when it was registered.
create table webhook (
    id               bigserial     primary key,
    url              varchar(2000) not null,
    events           text[]        not null check (cardinality(events) > 0),
    description      varchar(500),
    secret_sealed    text          not null,
    status           varchar(16)   not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason  varchar(16)   check (disabled_reason in ('GONE', 'RETRIES_SPENT')),
    disabled_at      timestamptz,
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null,
    start_tx         xid8          not null,
    start_position   bigint        not null,
    next_attempt_at  timestamptz   not null,
    leased_until     timestamptz,
    lease            uuid,
    check ((status = 'ACTIVE') = (disabled_reason is null))
);

-- One row per event and receiver (and per test message): the database refuses a second delivery of
-- an event to the same receiver. event_tx and event_position are the event's place in the feed (null
-- for a test message); the body is read from the outbox when it is sent.
create table webhook_delivery (
    id               bigserial    primary key,
    webhook_id       bigint       not null references webhook on delete cascade,
    event_id         uuid         not null,
    event_type       varchar(40)  not null,
    event_tx         xid8,
    event_position   bigint,
    status           varchar(16)  not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int          not null default 0,
    created_at       timestamptz  not null,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    unique (webhook_id, event_id)
);
create index webhook_delivery_queue on webhook_delivery (webhook_id, event_tx, event_position) where status = 'PENDING';
create index webhook_delivery_history on webhook_delivery (webhook_id, id);
create index webhook_delivery_created_at on webhook_delivery (created_at);

-- Every attempt: when, the receiver's status code or the error, and how long it took.
create table webhook_attempt (
    id            bigserial     primary key,
    delivery_id   bigint        not null references webhook_delivery on delete cascade,
    attempted_at  timestamptz   not null,
    status_code   int,
    error         varchar(500),
    duration_ms   int           not null,
    check (status_code is not null or error is not null)
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
