package cn.emall.ledger.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static cn.emall.ledger.model.SaleLineBuilder.SUPPLIER;
import static cn.emall.ledger.model.SaleLineBuilder.returnOf;
import static cn.emall.ledger.model.SaleLineBuilder.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SalesFactChangesTest {

    private static SalesFactChanges.Change change(long product, String day, String amount, long quantity) {
        return new SalesFactChanges.Change(product, LocalDate.parse(day), SUPPLIER, new BigDecimal(amount), quantity);
    }

    @Test
    void salesOfOneListingOnOneDayAddUp() {
        SalesFactChanges changes = new SalesFactChanges();
        changes.add(sale().line(1).quantity(2).unitPrice("10.00").at("2026-11-20T09:00:00+08:00").build(), null);
        changes.add(sale().line(2).quantity(1).unitPrice("10.00").at("2026-11-20T23:00:00+08:00").build(), null);
        assertEquals(List.of(change(9, "2026-11-20", "30.00", 3)), changes.increases());
        assertEquals(List.of(), changes.decreases());
    }

    @Test
    void returnCountsAgainstTheDayOfItsOriginalSaleWheneverItIsRecorded() {
        SaleLine sale = sale().quantity(3).unitPrice("10.00").at("2025-06-30T10:00:00+08:00").build();
        SalesFactChanges changes = new SalesFactChanges();
        changes.add(returnOf(sale, 2).at("2026-11-20T10:00:00+08:00").build(), sale);
        assertEquals(List.of(change(9, "2025-06-30", "-20.00", -2)), changes.decreases());
        assertEquals(List.of(), changes.increases());
    }

    @Test
    void saleAndItsReturnInOneBatchNetOut() {
        SaleLine sale = sale().quantity(2).unitPrice("10.00").build();
        SalesFactChanges changes = new SalesFactChanges();
        changes.add(sale, null);
        changes.add(returnOf(sale, 2).build(), sale);
        assertEquals(List.of(change(9, "2026-11-20", "0.00", 0)), changes.increases(), "nothing taken away: an upsert");
    }

    @Test
    void changesComeInKeyOrderListingFirstThenDay() {
        SalesFactChanges changes = new SalesFactChanges();
        changes.add(sale().product(12).at("2026-11-19T10:00:00+08:00").build(), null);
        changes.add(sale().product(9).at("2026-11-20T10:00:00+08:00").build(), null);
        changes.add(sale().product(12).at("2026-11-18T10:00:00+08:00").build(), null);
        changes.add(sale().product(9).at("2026-11-01T10:00:00+08:00").build(), null);
        assertEquals(List.of("9 2026-11-01", "9 2026-11-20", "12 2026-11-18", "12 2026-11-19"),
                changes.all().stream().map(change -> change.productId() + " " + change.day()).toList());
    }
}
