-- Indexes behind foreign keys that point at notices and runs, so that checking them (on delete, and
-- when a run's notices are looked up) does not scan the whole table.
create index notice_run on notice (run_id) where run_id is not null;
create index credit_entry_run on credit_entry (run_id) where run_id is not null;
create index cleanup_action_notice on cleanup_action (notice_id) where notice_id is not null;
create index appeal_supplier on appeal (supplier_id);
