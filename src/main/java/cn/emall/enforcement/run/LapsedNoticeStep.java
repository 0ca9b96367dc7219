package cn.emall.enforcement.run;

import cn.emall.enforcement.model.LapsedNoticeRule;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import cn.emall.supplier.model.Suspension;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 1: a delisting notice whose appeal window ended with no appeal, or whose appeal was rejected,
 * terminates the supplier on the run date: the entry agreement ends, every listing becomes DELISTED,
 * and trading is suspended for a year ({@link LapsedNoticeRule}, {@link Suspension}). Its open
 * rectification and processing notices are withdrawn: with the agreement ended they cannot be met.
 */
@ApplicationScoped
public class LapsedNoticeStep implements CleanupStep {

    private static final String LAPSED = "n.kind = 'DELISTING' and (n.status = 'APPEAL_REJECTED' or (n.status = 'OPEN' and n.deadline < ?))";

    private final Jdbc jdbc;
    private final BusinessDates dates;

    public LapsedNoticeStep(Jdbc jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    @Override
    public String rule() {
        return LapsedNoticeRule.NAME;
    }

    @Override
    public String action() {
        return "TERMINATE_SUPPLIER";
    }

    @Override
    public List<Candidate> select(RunContext run) {
        LocalDate suspendedUntil = Suspension.suspendedUntil(run.asOf, run.settings.suspensionYears());
        List<Candidate> candidates = jdbc.list("select n.id, n.supplier_id, n.notice_date, n.deadline, n.status, a.id "
                        + "from notice n join supplier s on s.id = n.supplier_id and s.status = 'ACTIVE' "
                        + "left join appeal a on a.notice_id = n.id where " + LAPSED + " order by n.id",
                rs -> {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("noticeId", rs.getLong(1));
                    evidence.put("noticeDate", rs.getObject(3, LocalDate.class).toString());
                    evidence.put("appealDeadline", rs.getObject(4, LocalDate.class).toString());
                    evidence.put("noticeStatus", rs.getString(5));
                    long appeal = rs.getLong(6);
                    evidence.put("appealId", rs.wasNull() ? null : appeal);
                    evidence.put("terminatedOn", run.asOf.toString());
                    evidence.put("suspendedUntil", suspendedUntil.toString());
                    evidence.put("mayApplyFrom", Suspension.mayApplyFrom(suspendedUntil).toString());
                    return new Candidate(rs.getLong(2), null, rs.getLong(1), evidence, suspendedUntil);
                }, run.asOf);
        if (run.dryRun) {
            candidates.forEach(c -> run.terminatedSuppliers.add(c.supplierId()));
        }
        return candidates;
    }

    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        List<Long> noticeIds = chunk.stream().map(Candidate::noticeId).toList();
        List<Long> closed = jdbc.list("update notice n set status = 'TERMINATED' where n.id = any(?) and " + LAPSED
                + " returning n.id", rs -> rs.getLong(1), noticeIds, run.asOf);
        List<Candidate> applied = chunk.stream().filter(c -> closed.contains(c.noticeId())).toList();
        List<Long> suppliers = applied.stream().map(Candidate::supplierId).toList();
        LocalDate suspendedUntil = Suspension.suspendedUntil(run.asOf, run.settings.suspensionYears());
        jdbc.update("update supplier set status = 'TERMINATED', terminated_on = ?, suspended_until = ?, version = version + 1 "
                + "where id = any(?) and status = 'ACTIVE'", run.asOf, suspendedUntil, suppliers);
        jdbc.update("update product set status = 'DELISTED', updated_at = ?, version = version + 1 "
                + "where supplier_id = any(?) and status in ('LISTED', 'TAKEN_DOWN')", dates.now(), suppliers);
        jdbc.update("update notice set status = 'WITHDRAWN' where supplier_id = any(?) and kind in ('RECTIFICATION', 'PROCESSING') "
                + "and status = 'OPEN'", suppliers);
        jdbc.update("insert into audit_entry (at, actor, action, subject, before, after) "
                        + "select ?, ?, 'SUPPLIER_TERMINATED', 'supplier/' || id, jsonb_build_object('status', 'ACTIVE'), "
                        + "jsonb_build_object('status', 'TERMINATED', 'terminatedOn', ?::text, 'suspendedUntil', ?::text, "
                        + "'listings', 'DELISTED') from unnest(?::bigint[]) as id",
                dates.now(), run.actor, run.asOf.toString(), suspendedUntil.toString(), suppliers);
        return applied;
    }
}
