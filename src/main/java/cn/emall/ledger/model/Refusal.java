package cn.emall.ledger.model;

import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** Why the ledger refuses a line. Nothing of a refused line is stored. */
public sealed interface Refusal {

    /** The line breaks rules of its fields. */
    record Invalid(List<FieldViolation> violations) implements Refusal {

        /** Keeps the violations in field order, so that the first one named is always the same. */
        public Invalid {
            violations = violations.stream().sorted(Comparator.comparing(FieldViolation::field)).toList();
        }

        public static Invalid of(String field, Text message) {
            return new Invalid(List.of(new FieldViolation(field, message)));
        }
    }

    /**
     * The supplier may not sell on the day of the sale.
     *
     * @param violations the field the refusal concerns, where one does
     */
    record SupplierNotActive(Text detail, List<FieldViolation> violations) implements Refusal {

        public SupplierNotActive {
            violations = List.copyOf(violations);
        }
    }

    /** A return is more than is left to return of its original sale. */
    record OverReturn(LineKey original, long remainingQuantity, BigDecimal remainingAmount) implements Refusal {

        /** What is left, in words. */
        public Text detail() {
            return Msg.OVER_RETURN_DETAIL.with(original.orderNo(), original.lineNo(), remainingQuantity, remainingAmount);
        }
    }

    /** The key is in the ledger already with other content; the ledger is append-only. */
    record IdempotencyConflict(LineKey key) implements Refusal {

        /** The conflict, in words. */
        public Text detail() {
            return Msg.IDEMPOTENCY_CONFLICT_DETAIL.with(key.orderNo(), key.lineNo());
        }
    }
}
