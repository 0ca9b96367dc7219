package cn.emall.ledger;

import java.math.BigDecimal;

/**
 * The constraints of {@link SaleLineRequest}, checked by hand for the common case of a valid line:
 * Bean Validation of every line was 40% of the batch endpoint's CPU (BENCHMARKS.md). It answers
 * true only when the annotations certainly hold; anything else goes to the validator, which gives
 * the usual field errors. {@code SaleLineShapeTest} keeps the two in step.
 */
final class SaleLineShape {

    private SaleLineShape() {
    }

    static boolean certainlyValid(SaleLineRequest line) {
        return text(line.orderNo(), 64) && between(line.lineNo(), 1, 1_000_000)
                && line.supplierId() != null && line.productId() != null
                && text(line.buyer(), 200) && between(line.quantity(), -1_000_000, 1_000_000)
                && digits(line.unitPrice(), 12) && digits(line.amount(), 14) && line.occurredAt() != null
                && (line.refersTo() == null
                        || (text(line.refersTo().orderNo(), 64) && between(line.refersTo().lineNo(), 1, Integer.MAX_VALUE)));
    }

    /** @NotBlank @Size(max). */
    private static boolean text(String value, int max) {
        return value != null && value.length() <= max && !value.trim().isEmpty();
    }

    /** @NotNull @Min @Max. */
    private static boolean between(Integer value, int min, int max) {
        return value != null && value >= min && value <= max;
    }

    /** @NotNull @Digits(integer, fraction = 2), as Hibernate Validator counts digits. */
    private static boolean digits(BigDecimal value, int integer) {
        if (value == null) {
            return false;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int fraction = Math.max(stripped.scale(), 0);
        return stripped.precision() - stripped.scale() <= integer && fraction <= 2;
    }
}
