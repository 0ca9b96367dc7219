package cn.emall.enforcement.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * SPEC "net sales": the sales made in a window less what has been returned of them. A return counts
 * against the sale it refers to, whenever it is recorded; a return of a sale made before the window
 * does not reduce the window. The service keeps the same sums per listing and day of sale in
 * {@code sales_daily}; this is the reference definition.
 */
public final class NetSales {

    /** A ledger line: a sale, or a return ({@code refersTo} the sale's id). */
    public record Line(long id, LocalDate occurredOn, BigDecimal amount, long quantity, Long refersTo) {
    }

    public record Totals(BigDecimal amount, long quantity) {
    }

    private NetSales() {
    }

    public static Totals in(Window window, Collection<Line> lines) {
        Map<Long, LocalDate> saleDays = new HashMap<>();
        for (Line line : lines) {
            if (line.refersTo() == null) {
                saleDays.put(line.id(), line.occurredOn());
            }
        }
        BigDecimal amount = BigDecimal.ZERO;
        long quantity = 0;
        for (Line line : lines) {
            LocalDate saleDay = line.refersTo() == null ? line.occurredOn() : saleDays.get(line.refersTo());
            if (saleDay != null && window.contains(saleDay)) {
                amount = amount.add(line.amount());
                quantity += line.quantity();
            }
        }
        return new Totals(amount, quantity);
    }
}
