package cn.emall.ledger.model;

import cn.emall.text.Msg;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC "Sales ledger": what a line must be, beyond the limits of its fields, before anything is
 * looked up. The quantity is not 0, the unit price is above 0, the amount is quantity x unit price,
 * a return (negative quantity) refers to its original and only a return does, and the sale did not
 * happen in the future.
 */
public final class LineShapeRule {

    private LineShapeRule() {
    }

    /** Every rule the line breaks; none for a well-formed line. */
    public static List<FieldViolation> violations(SaleLine line, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (line.quantity() == 0) {
            violations.add(new FieldViolation("quantity", Msg.MUST_NOT_BE_ZERO.with()));
        }
        if (line.unitPrice().signum() <= 0) {
            violations.add(new FieldViolation("unitPrice", Msg.MUST_BE_POSITIVE.with()));
        }
        BigDecimal expectedAmount = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
        if (line.quantity() != 0 && line.amount().compareTo(expectedAmount) != 0) {
            violations.add(new FieldViolation("amount", Msg.AMOUNT_NOT_QUANTITY_TIMES_PRICE.with(expectedAmount.setScale(2))));
        }
        if (line.isReturn() && line.refersTo() == null) {
            violations.add(new FieldViolation("refersTo", Msg.RETURN_WITHOUT_ORIGINAL.with()));
        }
        if (!line.isReturn() && line.refersTo() != null) {
            violations.add(new FieldViolation("refersTo", Msg.ORIGINAL_ONLY_FOR_RETURNS.with()));
        }
        if (line.occurredAt().toInstant().isAfter(now)) {
            violations.add(new FieldViolation("occurredAt", Msg.MUST_NOT_BE_IN_FUTURE.with()));
        }
        return violations;
    }
}
