-- E-mail to suppliers (cn.emall.mail): one row per message, composed from an outbox event when the
-- event is read (what was said is kept as sent), then delivered over SMTP. The row is the delivery
-- record a supplier's lawyer may ask for: to which address, how many attempts, when the first was made,
-- and when the recipient's mail server accepted the message, with its SMTP reply.
create table mail_delivery (
    id                bigserial     primary key,
    -- The event the message tells of: one message per event, however often the outbox is read.
    event_id          uuid          not null unique,
    event_type        varchar(40)   not null,
    supplier_id       bigint        not null references supplier (id),
    -- The notice the message belongs to (its issue, the decision on its appeal, the termination on it).
    notice_id         bigint        references notice (id),
    address           varchar(254)  not null,
    subject           text          not null,
    body              text          not null,
    status            varchar(8)    not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts          integer       not null default 0 check (attempts >= 0),
    created_at        timestamptz   not null,
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    -- When the next attempt is due (QUEUED only).
    next_attempt_at   timestamptz   not null,
    -- An instance that claimed the row sends it until then; another instance leaves it alone.
    claimed_until     timestamptz,
    sent_at           timestamptz,
    message_id        varchar(998),
    smtp_reply        text,
    error             text,
    check ((status = 'SENT') = (sent_at is not null)),
    check (status = 'QUEUED' or attempts > 0)
);
create index mail_delivery_due on mail_delivery (next_attempt_at) where status = 'QUEUED';
create index mail_delivery_notice on mail_delivery (notice_id);
create index mail_delivery_supplier on mail_delivery (supplier_id);
create index mail_delivery_failed on mail_delivery (notice_id) where status = 'FAILED';
