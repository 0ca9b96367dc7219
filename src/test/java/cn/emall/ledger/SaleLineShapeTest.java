package cn.emall.ledger;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand check of a sale line never calls valid what Bean Validation would refuse, and passes the usual lines. */
class SaleLineShapeTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final SaleLineRequest VALID = new SaleLineRequest("ZC-1", 1, 7L, 9L, "呼和浩特市第一中学", 2,
            new BigDecimal("12.50"), new BigDecimal("25.00"), OffsetDateTime.parse("2026-11-20T09:30:00+08:00"), null);

    private static SaleLineRequest with(UnaryOperator<Object[]> change) {
        Object[] f = {VALID.orderNo(), VALID.lineNo(), VALID.supplierId(), VALID.productId(), VALID.buyer(), VALID.quantity(),
                VALID.unitPrice(), VALID.amount(), VALID.occurredAt(), VALID.refersTo()};
        f = change.apply(f);
        return new SaleLineRequest((String) f[0], (Integer) f[1], (Long) f[2], (Long) f[3], (String) f[4], (Integer) f[5],
                (BigDecimal) f[6], (BigDecimal) f[7], (OffsetDateTime) f[8], (SaleLineRequest.LineRef) f[9]);
    }

    private static UnaryOperator<Object[]> set(int field, Object value) {
        return f -> {
            f[field] = value;
            return f;
        };
    }

    @Test
    void usualLinesAreCertainlyValid() {
        assertTrue(SaleLineShape.certainlyValid(VALID));
        assertTrue(VALIDATOR.validate(VALID).isEmpty());
        SaleLineRequest refund = with(f -> {
            f[5] = -2;
            f[7] = new BigDecimal("-25.00");
            f[9] = new SaleLineRequest.LineRef("ZC-0", 3);
            return f;
        });
        assertTrue(SaleLineShape.certainlyValid(refund));
        assertTrue(SaleLineShape.certainlyValid(with(set(6, new BigDecimal("999999999999.99")))));
        assertTrue(SaleLineShape.certainlyValid(with(set(6, new BigDecimal("12.500")))), "trailing zeros do not count");
    }

    @Test
    void nothingTheValidatorRefusesIsCalledCertainlyValid() {
        List<SaleLineRequest> bad = new ArrayList<>();
        bad.add(with(set(0, null)));
        bad.add(with(set(0, "  ")));
        bad.add(with(set(0, "x".repeat(65))));
        bad.add(with(set(1, null)));
        bad.add(with(set(1, 0)));
        bad.add(with(set(1, 1_000_001)));
        bad.add(with(set(2, null)));
        bad.add(with(set(3, null)));
        bad.add(with(set(4, "")));
        bad.add(with(set(4, "x".repeat(201))));
        bad.add(with(set(5, null)));
        bad.add(with(set(5, 1_000_001)));
        bad.add(with(set(5, -1_000_001)));
        bad.add(with(set(6, null)));
        bad.add(with(set(6, new BigDecimal("12.505"))));
        bad.add(with(set(6, new BigDecimal("1000000000000.00"))));
        bad.add(with(set(7, new BigDecimal("100000000000000"))));
        bad.add(with(set(8, null)));
        bad.add(with(set(9, new SaleLineRequest.LineRef(null, 1))));
        bad.add(with(set(9, new SaleLineRequest.LineRef("ZC-0", 0))));
        bad.add(with(set(9, new SaleLineRequest.LineRef("ZC-0", null))));
        for (SaleLineRequest line : bad) {
            assertEquals(false, VALIDATOR.validate(line).isEmpty(), "the validator refuses " + line);
            assertEquals(false, SaleLineShape.certainlyValid(line), "so the hand check must not pass " + line);
        }
    }
}
