-- A finished run's counts per rule, written once when it completes: the console's list of runs, its
-- dashboard and every page of a report show them, and counting a first night's 127,000 actions on
-- each of those pages cost a quarter of a second. Null while the run is still running (the counts are
-- then counted live).
alter table cleanup_run add column counts jsonb;
update cleanup_run r set counts = coalesce((select jsonb_object_agg(c.rule, c.actions)
                                            from (select rule, count(*) as actions from cleanup_action
                                                  where run_id = r.id group by rule) c), '{}')
where status = 'COMPLETED';

-- A report filtered by rule, or by supplier (its name or credit code), pages by keyset like the whole
-- report: without these, a filter walked all the run's actions to find a supplier's few.
create index cleanup_action_run_rule on cleanup_action (run_id, rule, id);
create index cleanup_action_run_supplier on cleanup_action (run_id, supplier_id, id);

-- The dashboard's notices falling due today and tomorrow, soonest first: a first night's 127,000
-- rectification notices share one deadline, and ordering them by id took reading them all.
create index notice_open_due on notice (deadline, id) where status = 'OPEN';
