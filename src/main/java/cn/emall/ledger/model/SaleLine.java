package cn.emall.ledger.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A ledger line whose fields are all present and within their limits, as the rules see it: a sale,
 * or a return (negative quantity and amount) that names its original sale by key.
 *
 * @param buyer      the purchasing unit (采购单位), without surrounding blanks
 * @param occurredAt when the sale happened, with the offset it was given in
 * @param occurredOn the business date (Asia/Shanghai) of {@code occurredAt}
 * @param refersTo   the original sale of a return; null for a sale
 */
public record SaleLine(LineKey key, long supplierId, long productId, String buyer, int quantity, BigDecimal unitPrice,
                       BigDecimal amount, OffsetDateTime occurredAt, LocalDate occurredOn, LineKey refersTo) {

    /** The ledger keeps times to the microsecond, as PostgreSQL does. */
    public static final ChronoUnit TIME_PRECISION = ChronoUnit.MICROS;

    public boolean isReturn() {
        return quantity < 0;
    }

    /** When the sale happened, as the ledger keeps it. */
    public Instant occurredInstant() {
        return occurredAt.toInstant().truncatedTo(TIME_PRECISION);
    }

    /**
     * Whether {@code other} is this line sent again (SPEC: the same line sent twice is stored once):
     * the same supplier, listing, buyer, quantity, amounts (as numbers: 10.0 is 10.00), time (as the
     * ledger keeps it, whatever the offset) and original sale. The key is the caller's to match.
     */
    public boolean sameContentAs(SaleLine other) {
        return supplierId == other.supplierId && productId == other.productId && buyer.equals(other.buyer)
                && quantity == other.quantity && unitPrice.compareTo(other.unitPrice) == 0
                && amount.compareTo(other.amount) == 0 && occurredInstant().equals(other.occurredInstant())
                && Objects.equals(refersTo, other.refersTo);
    }
}
