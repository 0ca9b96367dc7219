package cn.emall.ledger.model;

import cn.emall.text.Msg;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * SPEC "Sales ledger": what is left to return of one original sale. A return is for the same
 * supplier and listing, happens after the sale and never exceeds what is left of it; once
 * accepted, it counts against the returns that follow.
 */
public final class ReturnAllowance {

    private final SaleLine original;
    private long returnedQuantity;
    private BigDecimal returnedAmount;

    /**
     * @param original         the line the returns refer to
     * @param returnedQuantity the units returned of it so far, as a positive number
     * @param returnedAmount   the amount returned of it so far, as a positive number
     */
    public ReturnAllowance(SaleLine original, long returnedQuantity, BigDecimal returnedAmount) {
        this.original = original;
        this.returnedQuantity = returnedQuantity;
        this.returnedAmount = returnedAmount;
    }

    /** The refusal of a return whose original is not in the ledger. */
    public static Refusal unknownOriginal() {
        return Refusal.Invalid.of("refersTo", Msg.NOT_A_LEDGER_LINE.with());
    }

    /** Accepts the return against what is left, or answers why it is refused (and then counts nothing). */
    public Optional<Refusal> accept(SaleLine saleReturn) {
        if (original.isReturn()) {
            return Optional.of(Refusal.Invalid.of("refersTo", Msg.ORIGINAL_IS_A_RETURN.with()));
        }
        if (original.supplierId() != saleReturn.supplierId() || original.productId() != saleReturn.productId()) {
            return Optional.of(Refusal.Invalid.of("refersTo", Msg.ORIGINAL_OF_ANOTHER_SELLER.with()));
        }
        if (saleReturn.occurredAt().toInstant().isBefore(original.occurredAt().toInstant())) {
            return Optional.of(Refusal.Invalid.of("occurredAt", Msg.BEFORE_ORIGINAL_SALE.with(original.occurredAt())));
        }
        long remainingQuantity = original.quantity() - returnedQuantity;
        BigDecimal remainingAmount = original.amount().subtract(returnedAmount);
        if (-saleReturn.quantity() > remainingQuantity || saleReturn.amount().negate().compareTo(remainingAmount) > 0) {
            return Optional.of(new Refusal.OverReturn(original.key(), remainingQuantity, remainingAmount));
        }
        returnedQuantity += -saleReturn.quantity();
        returnedAmount = returnedAmount.add(saleReturn.amount().negate());
        return Optional.empty();
    }
}
