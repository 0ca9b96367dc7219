-- A notice's period in working days, so that its deadline can be counted again when a year's State
-- Council arrangement is loaded or replaced (cn.emall.enforcement.DeadlineRevision), and why the
-- deadline is what it is after such a recount: moved later, or kept because the recount was earlier
-- (a published deadline is never shortened).
alter table notice add column working_days smallint;
alter table notice add column deadline_note varchar(1000);

-- The notices issued before: count their periods as they were counted then, on the loaded years'
-- holidays and make-up working days and on weekends alone elsewhere.
update notice n set working_days = greatest(1, (
    select count(*) from generate_series(n.notice_date + 1, n.deadline, interval '1 day') as d(day)
    where exists (select 1 from calendar_year c, jsonb_array_elements_text(c.makeup_workdays) as m(day)
                  where m.day::date = d.day::date)
       or (extract(isodow from d.day) < 6
           and not exists (select 1 from calendar_year c, jsonb_array_elements(c.holidays) as h(range)
                           where d.day::date between (h.range ->> 'from')::date and (h.range ->> 'to')::date))));

alter table notice alter column working_days set not null;
alter table notice add constraint notice_working_days_positive check (working_days >= 1);
