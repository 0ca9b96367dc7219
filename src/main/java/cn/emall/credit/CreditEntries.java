package cn.emall.credit;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.audit.AuditTrail;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the credit entries (信用扣分): deductions for notices, at most one per notice (the table's
 * unique key), many in one statement. Call inside the caller's transaction.
 */
@ApplicationScoped
public class CreditEntries {

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Outbox outbox;

    public CreditEntries(Jdbc jdbc, AuditTrail audit, BusinessDates dates, Outbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.audit = audit;
        this.dates = dates;
    }

    /** A deduction for a notice, with the reason the supplier reads. */
    public record Deduction(long supplierId, long noticeId, String reason) {
    }

    /**
     * Deducts {@code points} for each notice on a date (by a run, or null), unless that notice already
     * cost points; audits each; answers the notices that cost points now.
     */
    public List<Long> deduct(String actor, Collection<Deduction> deductions, LocalDate on, int points, Long runId) {
        if (deductions.isEmpty()) {
            return List.of();
        }
        List<Long> suppliers = new ArrayList<>(deductions.size());
        List<Long> notices = new ArrayList<>(deductions.size());
        List<String> reasons = new ArrayList<>(deductions.size());
        List<Outbox.Event> events = new ArrayList<>(deductions.size());
        for (Deduction deduction : deductions) {
            suppliers.add(deduction.supplierId());
            notices.add(deduction.noticeId());
            reasons.add(deduction.reason());
        }
        List<Long> deducted = jdbc.list("insert into credit_entry (supplier_id, entry_date, points, reason, notice_id, run_id, created_at) "
                        + "select t.supplier_id, ?, ?, t.reason, t.notice_id, ?, ? "
                        + "from unnest(?::bigint[], ?::bigint[], ?::text[]) as t(supplier_id, notice_id, reason) "
                        + "on conflict (notice_id) do nothing returning notice_id, supplier_id, id, reason",
                rs -> {
                    events.add(new Outbox.Event(EventType.CREDIT_DEDUCTED, "credit", rs.getLong(3), Outbox.data(
                            "creditEntryId", rs.getLong(3), "supplierId", rs.getLong(2), "noticeId", rs.getLong(1),
                            "points", -points, "entryDate", on, "reason", rs.getString(4))));
                    return rs.getLong(1);
                }, on, -points, runId, dates.now(), suppliers, notices, reasons);
        outbox.publishAll(events);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("points", -points);
        after.put("orderedToCorrect", true);
        audit.recordEach(actor, "CREDIT_DEDUCTED", "notice", deducted, null, after);
        return deducted;
    }
}
