package cn.emall.enforcement.run;

import cn.emall.catalog.ListingChanges;
import cn.emall.enforcement.Notices;
import cn.emall.enforcement.model.LapsedNoticeRule;
import cn.emall.platform.db.Jdbc;
import cn.emall.supplier.SupplierStatus;
import cn.emall.supplier.SupplierTerminations;
import cn.emall.supplier.model.Suspension;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 1: a delisting notice whose appeal window ended with no appeal, or whose appeal was rejected,
 * terminates the supplier on the run date: the entry agreement ends, every listing becomes DELISTED,
 * and trading is suspended for a year ({@link LapsedNoticeRule}, {@link Suspension}). Its open
 * rectification and processing notices are withdrawn: with the agreement ended they cannot be met.
 */
@ApplicationScoped
public class LapsedNoticeStep implements CleanupStep {

    /** The rule's criteria on a notice {@code n}; parameter: the run date. */
    static final String LAPSED = "n.kind = '" + LapsedNoticeRule.KIND + "' and (n.status in " + Jdbc.literals(LapsedNoticeRule.LAPSE_AT_ONCE)
            + " or (n.status in " + Jdbc.literals(LapsedNoticeRule.LAPSE_AFTER_DEADLINE) + " and n.deadline < ?))";

    private final Jdbc jdbc;
    private final Notices notices;
    private final SupplierTerminations terminations;
    private final ListingChanges listings;

    public LapsedNoticeStep(Jdbc jdbc, Notices notices, SupplierTerminations terminations, ListingChanges listings) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.terminations = terminations;
        this.listings = listings;
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
                        + "from notice n join supplier s on s.id = n.supplier_id and s.status = '" + SupplierStatus.ACTIVE + "' "
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
            candidates.forEach(candidate -> run.terminatedSuppliers.add(candidate.supplierId()));
        }
        return candidates;
    }

    /** Under the notices' locks (an appeal takes its notice's), the ones still lapsed terminate their suppliers. */
    @Override
    public List<Candidate> apply(RunContext run, List<Candidate> chunk) {
        Set<Long> lapsed = new HashSet<>(jdbc.list("select n.id from notice n where n.id = any(?) and " + LAPSED
                + " order by n.id for update", rs -> rs.getLong(1), chunk.stream().map(Candidate::noticeId).toList(), run.asOf));
        List<Candidate> applied = chunk.stream().filter(candidate -> lapsed.contains(candidate.noticeId())).toList();
        List<Long> suppliers = applied.stream().map(Candidate::supplierId).toList();
        notices.terminate(lapsed);
        terminations.terminate(run.actor, suppliers, run.asOf, Suspension.suspendedUntil(run.asOf, run.settings.suspensionYears()));
        listings.delistAllOf(run.actor, suppliers);
        notices.withdrawAnswerable(suppliers);
        return applied;
    }
}
