package cn.emall.ledger.model;

import org.junit.jupiter.api.Test;

import cn.emall.testsupport.English;

import java.math.BigDecimal;
import java.util.Optional;

import static cn.emall.ledger.model.SaleLineBuilder.returnOf;
import static cn.emall.ledger.model.SaleLineBuilder.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The original: 3 units at 100.00, 300.00 in all. */
class ReturnAllowanceTest {

    private static final SaleLine ORIGINAL = sale().order("ZC-7").quantity(3).unitPrice("100.00").build();

    private static ReturnAllowance nothingReturnedYet() {
        return new ReturnAllowance(ORIGINAL, 0, BigDecimal.ZERO);
    }

    private static Optional<Refusal> overReturn(long remainingQuantity, String remainingAmount) {
        return Optional.of(new Refusal.OverReturn(ORIGINAL.key(), remainingQuantity, new BigDecimal(remainingAmount)));
    }

    @Test
    void returnsCountAgainstTheOriginalUntilNothingIsLeft() {
        ReturnAllowance allowance = nothingReturnedYet();
        assertEquals(Optional.empty(), allowance.accept(returnOf(ORIGINAL, 2).build()));
        assertEquals(overReturn(1, "100.00"), allowance.accept(returnOf(ORIGINAL, 2).build()));
        assertEquals(Optional.empty(), allowance.accept(returnOf(ORIGINAL, 1).build()), "the refused return counted nothing");
        assertEquals(overReturn(0, "0.00"), allowance.accept(returnOf(ORIGINAL, 1).build()));
    }

    @Test
    void returnsStoredBeforeCountToo() {
        ReturnAllowance allowance = new ReturnAllowance(ORIGINAL, 3, new BigDecimal("300.00"));
        assertEquals(overReturn(0, "0.00"), allowance.accept(returnOf(ORIGINAL, 1).build()));
    }

    @Test
    void returnOfMoreMoneyThanIsLeftIsRefusedEvenWhenTheUnitsFit() {
        Optional<Refusal> refusal = nothingReturnedYet().accept(returnOf(ORIGINAL, 1).unitPrice("300.01").build());
        assertEquals(overReturn(3, "300.00"), refusal);
        assertEquals("Line ZC-7/1 has 3 unit(s) and 300.00 CNY left to return.",
                English.of(((Refusal.OverReturn) refusal.get()).detail()));
    }

    @Test
    void returnOfAReturnIsRefused() {
        SaleLine firstReturn = returnOf(ORIGINAL, 1).build();
        assertEquals(Optional.of(InEnglish.invalid("refersTo", "is itself a return; refer to the original sale")),
                InEnglish.refusal(new ReturnAllowance(firstReturn, 0, BigDecimal.ZERO).accept(returnOf(firstReturn, 1).build())));
    }

    @Test
    void returnForAnotherSupplierOrListingIsRefused() {
        Optional<String> expected = Optional.of(InEnglish.invalid("refersTo", "is a line of another supplier or listing"));
        assertEquals(expected, InEnglish.refusal(nothingReturnedYet().accept(returnOf(ORIGINAL, 1).supplier(8).build())));
        assertEquals(expected, InEnglish.refusal(nothingReturnedYet().accept(returnOf(ORIGINAL, 1).product(10).build())));
    }

    @Test
    void returnBeforeTheOriginalSaleIsRefusedWhateverTheOffset() {
        assertEquals(Optional.of(InEnglish.invalid("occurredAt", "is before the original sale (2026-11-20T09:30+08:00)")),
                InEnglish.refusal(nothingReturnedYet().accept(returnOf(ORIGINAL, 1).at("2026-11-20T01:29:59Z").build())));
        assertEquals(Optional.empty(), nothingReturnedYet().accept(returnOf(ORIGINAL, 1).at("2026-11-20T01:30:00Z").build()),
                "at the same instant is fine");
    }
}
