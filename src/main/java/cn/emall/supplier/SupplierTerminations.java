package cn.emall.supplier;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.supplier.model.Suspension;
import cn.emall.audit.AuditTrail;
import cn.emall.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terminations (终止入驻协议) and the end of their suspensions, for many suppliers at once, each one
 * statement however many suppliers, audited. Call inside the caller's transaction.
 */
@ApplicationScoped
public class SupplierTerminations {

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final Outbox outbox;

    public SupplierTerminations(Jdbc jdbc, AuditTrail audit, Outbox outbox) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.outbox = outbox;
    }

    private record Changed(long id, String creditCode, String name) {
    }

    /** Terminates the active ones of these suppliers on a date, suspended through {@code suspendedUntil}; answers whom. */
    public List<Long> terminate(String actor, Collection<Long> supplierIds, LocalDate on, LocalDate suspendedUntil) {
        if (supplierIds.isEmpty()) {
            return List.of();
        }
        List<Changed> changed = jdbc.list("update supplier set status = ?, terminated_on = ?, suspended_until = ?, "
                        + "version = version + 1 where id = any(?) and status = ? returning id, credit_code, name",
                rs -> new Changed(rs.getLong(1), rs.getString(2), rs.getString(3)),
                SupplierStatus.TERMINATED.name(), on, suspendedUntil, supplierIds, SupplierStatus.ACTIVE.name());
        List<Long> terminated = changed.stream().map(Changed::id).toList();
        outbox.publishAll(changed.stream().map(s -> new Outbox.Event(EventType.SUPPLIER_TERMINATED, "supplier", s.id(),
                Outbox.data("supplierId", s.id(), "creditCode", s.creditCode(), "name", s.name(), "terminatedOn", on,
                        "suspendedUntil", suspendedUntil, "mayApplyFrom", Suspension.mayApplyFrom(suspendedUntil)))).toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", SupplierStatus.TERMINATED.name());
        after.put("terminatedOn", on.toString());
        after.put("suspendedUntil", suspendedUntil.toString());
        audit.recordEach(actor, "SUPPLIER_TERMINATED", "supplier", terminated, Map.of("status", SupplierStatus.ACTIVE.name()), after);
        return terminated;
    }

    /**
     * Marks the suspensions of these terminated suppliers that lasted through a day before
     * {@code runDate} as ended, so that they may apply again; answers whose.
     */
    public List<Long> endSuspensions(String actor, Collection<Long> supplierIds, LocalDate runDate) {
        if (supplierIds.isEmpty()) {
            return List.of();
        }
        List<Changed> changed = jdbc.list("update supplier set suspension_ended = true where id = any(?) and status = ? "
                        + "and not suspension_ended and suspended_until < ? returning id, credit_code, name",
                rs -> new Changed(rs.getLong(1), rs.getString(2), rs.getString(3)),
                supplierIds, SupplierStatus.TERMINATED.name(), runDate);
        List<Long> ended = changed.stream().map(Changed::id).toList();
        outbox.publishAll(changed.stream().map(s -> new Outbox.Event(EventType.SUPPLIER_SUSPENSION_ENDED, "supplier", s.id(),
                Outbox.data("supplierId", s.id(), "creditCode", s.creditCode(), "name", s.name(), "mayApplyFrom", runDate)))
                .toList());
        audit.recordEach(actor, "SUSPENSION_ENDED", "supplier", ended, null, null);
        return ended;
    }
}
