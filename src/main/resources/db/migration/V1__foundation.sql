-- Foundation: accounts, suppliers and their applications, the audit trail.

create table supplier (
    id                    bigserial primary key,
    name                  varchar(200) not null,
    credit_code           varchar(18)  not null check (char_length(credit_code) = 18),
    legal_representative  varchar(100) not null,
    contact_name          varchar(100) not null,
    contact_phone         varchar(32)  not null,
    email                 varchar(254) not null,
    region                varchar(100) not null,
    status                varchar(16)  not null check (status in ('PENDING', 'ACTIVE', 'REJECTED', 'TERMINATED')),
    applied_at            timestamptz  not null,
    admitted_on           date,
    decided_at            timestamptz,
    decided_by            varchar(64),
    decision_reason       varchar(2000),
    check_override_reason varchar(2000),
    terminated_on         date,
    suspended_until       date,
    suspension_ended      boolean      not null default false,
    version               integer      not null default 0,
    check (status <> 'ACTIVE' or admitted_on is not null),
    check (status <> 'TERMINATED' or (terminated_on is not null and suspended_until is not null))
);
-- One live account per credit code (SPEC: a second application while one is pending or active is refused).
create unique index supplier_live_credit_code on supplier (credit_code) where status in ('PENDING', 'ACTIVE');
create index supplier_credit_code on supplier (credit_code);
create index supplier_status on supplier (status);

create table supplier_material (
    supplier_id  bigint       not null references supplier (id),
    position     integer      not null,
    kind         varchar(64)  not null,
    document_ref varchar(500) not null,
    primary key (supplier_id, position)
);

create table account (
    id             bigserial primary key,
    username       varchar(64) not null,
    password_hash  varchar(100) not null,
    role           varchar(16) not null check (role in ('SUPPLIER', 'OFFICER', 'ORDER_SYSTEM')),
    supplier_id    bigint references supplier (id),
    created_at     timestamptz not null,
    check ((role = 'SUPPLIER') = (supplier_id is not null))
);
-- Usernames are case-insensitive.
create unique index account_username on account (upper(username));

-- The audit trail: append-only, and the database itself refuses UPDATE, DELETE and TRUNCATE.
create table audit_entry (
    id         bigserial primary key,
    at         timestamptz  not null,
    actor      varchar(64)  not null,
    action     varchar(64)  not null,
    subject    varchar(100) not null,
    before     jsonb,
    after      jsonb
);
create index audit_entry_subject on audit_entry (subject, id);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function refuse_change();

-- Failed logins per username (known or not, so that the answer never reveals which usernames exist).
create table login_throttle (
    username      varchar(64) primary key,
    failures      integer     not null,
    locked_until  timestamptz
);
