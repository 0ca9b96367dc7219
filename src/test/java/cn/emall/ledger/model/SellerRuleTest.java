package cn.emall.ledger.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static cn.emall.ledger.model.SaleLineBuilder.SUPPLIER;
import static cn.emall.ledger.model.SaleLineBuilder.returnOf;
import static cn.emall.ledger.model.SaleLineBuilder.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sale on 2026-11-20 by supplier 7 of its listing 9, against the supplier's standing. */
class SellerRuleTest {

    private static final SaleLine SALE = sale().at("2026-11-20T09:30:00+08:00").build();

    private static SupplierStanding standing(String status, String admittedOn, String terminatedOn) {
        return new SupplierStanding(status, admittedOn == null ? null : LocalDate.parse(admittedOn),
                terminatedOn == null ? null : LocalDate.parse(terminatedOn));
    }

    private static Optional<Refusal> live(SupplierStanding supplier) {
        return SellerRule.refusal(SALE, supplier, SUPPLIER, RecordingMode.LIVE);
    }

    private static Optional<Refusal> imported(SupplierStanding supplier) {
        return SellerRule.refusal(SALE, supplier, SUPPLIER, RecordingMode.IMPORT);
    }

    private static String notActive(String detail) {
        return InEnglish.notActive(detail, List.of());
    }

    @Test
    void activeSupplierSellingItsOwnListingIsAccepted() {
        assertEquals(Optional.empty(), live(standing("ACTIVE", "2024-03-01", null)));
        assertEquals(Optional.empty(), imported(standing("ACTIVE", "2024-03-01", null)));
    }

    @Test
    void unknownSupplierIsRefusedOnSupplierId() {
        assertEquals(Optional.of(InEnglish.invalid("supplierId", "is not a known supplier")),
                InEnglish.refusal(SellerRule.refusal(SALE, null, SUPPLIER, RecordingMode.LIVE)));
    }

    @Test
    void listingOfAnotherSupplierOrNoListingIsRefusedOnProductId() {
        SupplierStanding active = standing("ACTIVE", "2024-03-01", null);
        Optional<String> expected = Optional.of(InEnglish.invalid("productId", "is not a listing of supplier " + SUPPLIER));
        assertEquals(expected, InEnglish.refusal(SellerRule.refusal(SALE, active, SUPPLIER + 1, RecordingMode.LIVE)));
        assertEquals(expected, InEnglish.refusal(SellerRule.refusal(SALE, active, null, RecordingMode.IMPORT)));
    }

    @Test
    void liveSaleNeedsASupplierActiveNow() {
        assertEquals(Optional.of(notActive("The supplier is SUSPENDED; sales are recorded only for ACTIVE suppliers.")),
                InEnglish.refusal(live(standing("SUSPENDED", "2024-03-01", null))));
    }

    @Test
    void importedSaleNeedsOnlyASupplierActiveOnTheDayOfTheSale() {
        assertEquals(Optional.empty(), imported(standing("TERMINATED", "2024-03-01", "2026-11-21")),
                "terminated the day after the sale");
    }

    @Test
    void saleBeforeAdmissionIsRefusedOnOccurredAtInBothModes() {
        String expected = InEnglish.notActive("The supplier was not admitted on 2026-11-20 (admitted on 2026-11-21).",
                List.of(InEnglish.shown("occurredAt", "is before the supplier's admission")));
        assertEquals(Optional.of(expected), InEnglish.refusal(live(standing("ACTIVE", "2026-11-21", null))));
        assertEquals(Optional.of(expected), InEnglish.refusal(imported(standing("ACTIVE", "2026-11-21", null))));
        assertEquals(Optional.empty(), live(standing("ACTIVE", "2026-11-20", null)), "the day of admission counts");
    }

    @Test
    void supplierNeverAdmittedIsRefused() {
        assertEquals(Optional.of(InEnglish.notActive("The supplier was not admitted on 2026-11-20.",
                        List.of(InEnglish.shown("occurredAt", "is before the supplier's admission")))),
                InEnglish.refusal(live(standing("PENDING", null, null))));
    }

    @Test
    void saleOnOrAfterTheDayOfTerminationIsRefused() {
        assertEquals(Optional.of(notActive("The supplier was terminated on 2026-11-20, before this sale on 2026-11-20.")),
                InEnglish.refusal(imported(standing("TERMINATED", "2024-03-01", "2026-11-20"))));
        assertEquals(Optional.of(notActive("The supplier was terminated on 2026-11-19, before this sale on 2026-11-20.")),
                InEnglish.refusal(imported(standing("ACTIVE", "2024-03-01", "2026-11-19"))));
    }

    @Test
    void returnIsNotCheckedForTheSuppliersActivity() {
        SaleLine saleReturn = returnOf(SALE, 1).build();
        assertEquals(Optional.empty(),
                SellerRule.refusal(saleReturn, standing("TERMINATED", "2024-03-01", "2026-11-20"), SUPPLIER, RecordingMode.LIVE));
        assertTrue(SellerRule.refusal(saleReturn, null, SUPPLIER, RecordingMode.LIVE).isPresent(), "but its supplier must exist");
    }

    @Test
    void activityIsJudgedOnTheBusinessDateOfTheSaleNotTheDateOfItsOffset() {
        SaleLine justAfterMidnightInShanghai = sale().at("2026-11-20T16:30:00Z").build();
        assertEquals(Optional.empty(), SellerRule.refusal(justAfterMidnightInShanghai, standing("ACTIVE", "2026-11-21", null),
                SUPPLIER, RecordingMode.LIVE), "00:30 on 2026-11-21 in Shanghai, the day of admission");
    }
}
