-- The nightly enforcement engine: working-day calendar, notices, appeals, credit, cleanup runs.

create table calendar_year (
    year             integer primary key check (year between 2000 and 2100),
    holidays         jsonb       not null,
    makeup_workdays  jsonb       not null,
    updated_at       timestamptz not null,
    updated_by       varchar(64) not null
);

create table cleanup_run (
    id           bigserial primary key,
    as_of        date        not null,
    dry_run      boolean     not null,
    trigger      varchar(16) not null check (trigger in ('SCHEDULED', 'MANUAL')),
    started_by   varchar(64) not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    status       varchar(16) not null check (status in ('RUNNING', 'COMPLETED')),
    warnings     jsonb       not null default '[]',
    failures     jsonb       not null default '[]'
);
-- One real run per date, however many instances try (SPEC "The nightly cleanup run").
create unique index cleanup_run_one_real_per_date on cleanup_run (as_of) where not dry_run;
create index cleanup_run_started on cleanup_run (id desc);

-- Processing notices of every kind: delisting (step 2), rectification (step 3), officers' own.
create table notice (
    id                  bigserial primary key,
    supplier_id         bigint      not null references supplier (id),
    kind                varchar(16) not null check (kind in ('DELISTING', 'RECTIFICATION', 'PROCESSING')),
    status              varchar(16) not null check (status in ('OPEN', 'APPEALED', 'APPEAL_REJECTED', 'WITHDRAWN',
                                                               'TERMINATED', 'HANDLED', 'OVERDUE')),
    rule                varchar(32),
    notice_date         date        not null,
    -- The last day (inclusive, until 24:00 Asia/Shanghai) to appeal, or to handle the notice.
    deadline            date        not null check (deadline > notice_date),
    product_id          bigint      references product (id),
    subject             varchar(200) not null,
    body                varchar(4000) not null,
    evidence            jsonb,
    issued_by           varchar(64) not null,
    run_id              bigint      references cleanup_run (id),
    handled_on          date,
    response            varchar(4000),
    ordered_to_correct  boolean     not null default false,
    created_at          timestamptz not null,
    check ((kind = 'RECTIFICATION') = (product_id is not null))
);
-- At most one live delisting notice per supplier, one open rectification notice per listing.
create unique index notice_one_live_delisting on notice (supplier_id) where kind = 'DELISTING' and status in ('OPEN', 'APPEALED', 'APPEAL_REJECTED');
create unique index notice_one_open_rectification on notice (product_id) where kind = 'RECTIFICATION' and status = 'OPEN';
create index notice_supplier on notice (supplier_id, id);
create index notice_open_deadline on notice (deadline) where status in ('OPEN', 'APPEAL_REJECTED', 'HANDLED');

create table appeal (
    id               bigserial primary key,
    notice_id        bigint        not null unique references notice (id),
    supplier_id      bigint        not null references supplier (id),
    reason           varchar(4000) not null,
    materials        jsonb         not null,
    status           varchar(16)   not null check (status in ('PENDING', 'ACCEPTED', 'REJECTED')),
    filed_at         timestamptz   not null,
    decided_at       timestamptz,
    decided_by       varchar(64),
    decision_reason  varchar(2000)
);
create index appeal_status on appeal (status, id);

-- Credit (信用考评): deductions, at most one per notice; the score is the base less the year's points.
create table credit_entry (
    id           bigserial primary key,
    supplier_id  bigint       not null references supplier (id),
    entry_date   date         not null,
    points       integer      not null check (points < 0),
    reason       varchar(500) not null,
    notice_id    bigint       unique references notice (id),
    run_id       bigint       references cleanup_run (id),
    created_at   timestamptz  not null
);
create index credit_entry_supplier on credit_entry (supplier_id, entry_date);

-- Every action of a run, with its evidence; written in the transaction that takes the action.
create table cleanup_action (
    id           bigserial primary key,
    run_id       bigint      not null references cleanup_run (id),
    rule         varchar(32) not null,
    action       varchar(48) not null,
    supplier_id  bigint      not null references supplier (id),
    product_id   bigint      references product (id),
    notice_id    bigint      references notice (id),
    evidence     jsonb       not null,
    deadline     date
);
create index cleanup_action_run on cleanup_action (run_id, id);

create trigger credit_entry_append_only before update or delete on credit_entry
    for each row execute function refuse_change();
