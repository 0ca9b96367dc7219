package cn.emall.catalog;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.audit.AuditTrail;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's state moves on many listings at once, each one statement however many listings:
 * what an officer's takedown and the nightly run share. Call inside the caller's transaction.
 */
@ApplicationScoped
public class ListingChanges {

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Outbox outbox;

    public ListingChanges(Jdbc jdbc, AuditTrail audit, BusinessDates dates, Outbox outbox) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.dates = dates;
        this.outbox = outbox;
    }

    private record Changed(long id, long supplierId, String brand, String model) {
    }

    /**
     * Takes the listed ones of these listings down (整改下架) on a date with a reason, and audits each;
     * answers the ids it took down (a listing no longer LISTED is left alone).
     */
    public List<Long> takeDown(String actor, Collection<Long> productIds, LocalDate on, String reason) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        List<Changed> changed = jdbc.list("update product set status = ?, taken_down_on = ?, takedown_reason = ?, updated_at = ?, "
                        + "version = version + 1 where id = any(?) and status = ? returning id, supplier_id, brand, model",
                rs -> new Changed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                ProductStatus.TAKEN_DOWN.name(), on, reason, dates.now(), productIds, ProductStatus.LISTED.name());
        List<Long> takenDown = changed.stream().map(Changed::id).toList();
        outbox.publishAll(changed.stream().map(p -> new Outbox.Event(EventType.LISTING_TAKEN_DOWN, "product", p.id(),
                Outbox.data("productId", p.id(), "supplierId", p.supplierId(), "brand", p.brand(), "model", p.model(),
                        "takenDownOn", on, "reason", reason))).toList());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", ProductStatus.TAKEN_DOWN.name());
        after.put("reason", reason);
        audit.recordEach(actor, "PRODUCT_TAKEN_DOWN", "product", takenDown, Map.of("status", ProductStatus.LISTED.name()), after);
        return takenDown;
    }

    /**
     * A terminated supplier's listings all become DELISTED, taken-down ones too; one audit entry per
     * supplier records it.
     */
    public void delistAllOf(String actor, Collection<Long> supplierIds) {
        if (supplierIds.isEmpty()) {
            return;
        }
        List<Changed> delisted = jdbc.list("update product set status = ?, updated_at = ?, version = version + 1 "
                        + "where supplier_id = any(?) and status in (?, ?) returning id, supplier_id, brand, model",
                rs -> new Changed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                ProductStatus.DELISTED.name(), dates.now(), supplierIds, ProductStatus.LISTED.name(),
                ProductStatus.TAKEN_DOWN.name());
        outbox.publishAll(delisted.stream().map(p -> new Outbox.Event(EventType.LISTING_DELISTED, "product", p.id(),
                Outbox.data("productId", p.id(), "supplierId", p.supplierId(), "brand", p.brand(), "model", p.model(),
                        "reason", "SUPPLIER_TERMINATED"))).toList());
        audit.recordEach(actor, "LISTINGS_DELISTED", "supplier", supplierIds, null, Map.of("listings", ProductStatus.DELISTED.name()));
    }
}
