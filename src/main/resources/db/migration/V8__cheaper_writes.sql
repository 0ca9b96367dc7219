-- Writes the nightly run and the sales ingest no longer pay for (BENCHMARKS.md).

-- The facts of a day are updated by every batch that records a sale of that listing on that day.
-- With the net columns out of every index (no partial-index predicates on them) and room left on
-- each page, such an update is a heap-only tuple update: no index is written. The nightly rules
-- probe the primary key (product_id, day) and (supplier_id, day), reading a listing's or supplier's
-- rows in the window until one has a positive net, which is the first one unless it has none.
alter table sales_daily set (fillfactor = 90);
drop index sales_daily_product_positive;
drop index sales_daily_supplier_positive;
create index sales_daily_supplier_day on sales_daily (supplier_id, day);

-- Indexes that only served foreign-key checks on deleting a notice or a run, which the service
-- never does; every takedown wrote them.
drop index notice_run;
drop index cleanup_action_notice;
