package cn.emall.ledger.model;

import cn.emall.text.Msg;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * SPEC "Sales ledger": a line is for a known supplier and one of its own listings, and a sale (not a
 * return) is made by a supplier active on the day of the sale: admitted by then and not yet
 * terminated, and for live lines {@code ACTIVE} now.
 */
public final class SellerRule {

    private SellerRule() {
    }

    /**
     * @param supplier     the line's supplier; null when there is none with its id
     * @param productOwner the supplier of the line's listing; null when there is no such listing
     */
    public static Optional<Refusal> refusal(SaleLine line, SupplierStanding supplier, Long productOwner, RecordingMode mode) {
        if (supplier == null) {
            return Optional.of(Refusal.Invalid.of("supplierId", Msg.UNKNOWN_SUPPLIER.with()));
        }
        if (productOwner == null || productOwner != line.supplierId()) {
            return Optional.of(Refusal.Invalid.of("productId", Msg.NOT_A_LISTING_OF_SUPPLIER.with(line.supplierId())));
        }
        return line.isReturn() ? Optional.empty() : activityRefusal(supplier, line.occurredOn(), mode);
    }

    /** The "active on that day" policy: why the supplier may not sell on {@code day}, if it may not. */
    public static Optional<Refusal> activityRefusal(SupplierStanding supplier, LocalDate day, RecordingMode mode) {
        if (supplier.admittedOn() == null || day.isBefore(supplier.admittedOn())) {
            return Optional.of(new Refusal.SupplierNotActive(supplier.admittedOn() == null
                    ? Msg.NOT_ADMITTED_ON.with(day)
                    : Msg.NOT_ADMITTED_ON_BUT_LATER.with(day, supplier.admittedOn()),
                    List.of(new FieldViolation("occurredAt", Msg.BEFORE_ADMISSION.with()))));
        }
        if (mode == RecordingMode.LIVE && !supplier.isActiveNow()) {
            return Optional.of(new Refusal.SupplierNotActive(
                    Msg.SUPPLIER_NOT_SELLING.with(supplier.status(), SupplierStanding.ACTIVE), List.of()));
        }
        if (supplier.terminatedOn() != null && !day.isBefore(supplier.terminatedOn())) {
            return Optional.of(new Refusal.SupplierNotActive(
                    Msg.TERMINATED_BEFORE_SALE.with(supplier.terminatedOn(), day), List.of()));
        }
        return Optional.empty();
    }
}
