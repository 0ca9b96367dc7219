-- Catalogue: categories with their parameter templates, and the suppliers' listings.

create table category (
    code        varchar(32)  primary key check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name        varchar(100) not null,
    parameters  jsonb        not null,
    updated_at  timestamptz  not null,
    version     integer      not null default 0
);

create table product (
    id             bigserial primary key,
    supplier_id    bigint        not null references supplier (id),
    category_code  varchar(32)   not null references category (code),
    brand          varchar(100)  not null,
    model          varchar(100)  not null,
    name           varchar(200)  not null,
    price          numeric(14, 2) not null check (price > 0),
    parameters     jsonb         not null,
    status         varchar(16)   not null check (status in ('LISTED', 'TAKEN_DOWN', 'WITHDRAWN', 'DELISTED')),
    -- The date the current listing period started: first listing or the latest relisting (SPEC step 3).
    listed_on      date          not null,
    taken_down_on  date,
    takedown_reason varchar(2000),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        integer       not null default 0
);
-- Brand + model identify a live listing within its supplier.
create unique index product_live_model on product (supplier_id, upper(brand), upper(model))
    where status in ('LISTED', 'TAKEN_DOWN');
create index product_supplier on product (supplier_id, id);
create index product_status_listed_on on product (status, listed_on);
create index product_category on product (category_code);

-- The sales ledger (销售台账): append-only; the database refuses UPDATE, DELETE and TRUNCATE.
create table sale_line (
    id           bigserial primary key,
    order_no     varchar(64)    not null,
    line_no      integer        not null check (line_no > 0),
    supplier_id  bigint         not null references supplier (id),
    product_id   bigint         not null references product (id),
    buyer        varchar(200)   not null,
    quantity     integer        not null check (quantity <> 0),
    unit_price   numeric(14, 2) not null check (unit_price > 0),
    amount       numeric(16, 2) not null,
    occurred_at  timestamptz    not null,
    -- The business date (Asia/Shanghai) of occurred_at.
    occurred_on  date           not null,
    refers_to    bigint         references sale_line (id),
    recorded_at  timestamptz    not null,
    unique (order_no, line_no),
    check (amount = quantity * unit_price),
    check ((quantity < 0) = (refers_to is not null))
);
create index sale_line_refers_to on sale_line (refers_to) where refers_to is not null;
create index sale_line_supplier_day on sale_line (supplier_id, occurred_on);

create trigger sale_line_append_only before update or delete on sale_line
    for each row execute function refuse_change();
create trigger sale_line_no_truncate before truncate on sale_line
    for each statement execute function refuse_change();

-- Sales facts for the nightly rules, kept in the same transaction as the ledger lines: the net of
-- each listing per business day of sale. A return counts against the day of the sale it refers to
-- (SPEC "net sales"), so a day's net is never negative and a window's net is zero exactly when no
-- day in it has a positive net: the rules probe the partial indexes below instead of the ledger.
create table sales_daily (
    product_id    bigint         not null references product (id),
    day           date           not null,
    supplier_id   bigint         not null references supplier (id),
    net_amount    numeric(18, 2) not null check (net_amount >= 0),
    net_quantity  bigint         not null check (net_quantity >= 0),
    primary key (product_id, day)
);
create index sales_daily_supplier_positive on sales_daily (supplier_id, day) where net_amount > 0;
create index sales_daily_product_positive on sales_daily (product_id, day) where net_quantity > 0;
