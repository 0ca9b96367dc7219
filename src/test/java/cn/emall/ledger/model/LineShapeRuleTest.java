package cn.emall.ledger.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static cn.emall.ledger.model.SaleLineBuilder.returnOf;
import static cn.emall.ledger.model.SaleLineBuilder.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LineShapeRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    private static List<FieldViolation> violations(SaleLineBuilder line) {
        return LineShapeRule.violations(line.build(), NOW);
    }

    @Test
    void usualSaleAndItsReturnBreakNoRule() {
        SaleLine sale = sale().build();
        assertEquals(List.of(), LineShapeRule.violations(sale, NOW));
        assertEquals(List.of(), violations(returnOf(sale, 1).at("2026-11-20T10:00:00+08:00")));
    }

    @Test
    void quantityZeroIsRefusedAndNotCheckedAgainstTheAmount() {
        assertEquals(List.of(InEnglish.shown("quantity", "must not be 0")),
                InEnglish.violations(violations(sale().quantity(0).amount("25.00"))));
    }

    @Test
    void unitPriceMustBeMoreThanZero() {
        assertEquals(List.of(InEnglish.shown("unitPrice", "must be more than 0")),
                InEnglish.violations(violations(sale().unitPrice("0.00"))));
        assertEquals(List.of(InEnglish.shown("unitPrice", "must be more than 0")),
                InEnglish.violations(violations(sale().unitPrice("-1.00"))));
    }

    @Test
    void amountMustEqualQuantityTimesUnitPriceAsANumber() {
        assertEquals(List.of(InEnglish.shown("amount", "must equal quantity x unitPrice (25.00)")),
                InEnglish.violations(violations(sale().quantity(2).unitPrice("12.50").amount("25.01"))));
        assertEquals(List.of(), violations(sale().quantity(2).unitPrice("12.5").amount("25")), "25 is 25.00");
        assertEquals(List.of(InEnglish.shown("amount", "must equal quantity x unitPrice (-25.00)")),
                InEnglish.violations(violations(sale().quantity(-2).unitPrice("12.50").amount("25.00")
                        .refersTo(new LineKey("ZC-0", 1)))),
                "a return's amount is negative too");
    }

    @Test
    void aReturnNamesItsOriginalAndOnlyAReturnDoes() {
        assertEquals(List.of(InEnglish.shown("refersTo", "is required for a return (negative quantity)")),
                InEnglish.violations(violations(sale().quantity(-1))));
        assertEquals(List.of(InEnglish.shown("refersTo", "is only for returns; a return has a negative quantity and amount")),
                InEnglish.violations(violations(sale().refersTo(new LineKey("ZC-0", 1)))));
    }

    @Test
    void aSaleInTheFutureIsRefusedButNotOneAtThisVeryInstant() {
        assertEquals(List.of(InEnglish.shown("occurredAt", "must not be in the future")),
                InEnglish.violations(violations(sale().at("2026-11-21T08:00:00.001+08:00"))));
        assertEquals(List.of(), violations(sale().at("2026-11-21T08:00:00+08:00")));
    }

    @Test
    void refusalNamesItsViolationsInFieldOrder() {
        Refusal.Invalid refusal = new Refusal.Invalid(violations(sale().quantity(-1).unitPrice("0").amount("5")
                .at("2027-01-01T00:00:00+08:00")));
        assertEquals(List.of("amount", "occurredAt", "refersTo", "unitPrice"),
                refusal.violations().stream().map(FieldViolation::field).toList());
    }
}
