package cn.emall.ledger.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change that newly recorded lines make to the sales facts, the net amount and quantity per
 * listing and day of sale. SPEC "net sales": a return counts against the day of the sale it refers
 * to, whenever it is recorded. The changes are kept in key order (listing, then day), so that
 * concurrent batches change the facts in the same order.
 */
public final class SalesFactChanges {

    /** The net change to one listing's sales on one day. */
    public record Change(long productId, LocalDate day, long supplierId, BigDecimal amount, long quantity) {

        /** Whether it takes something away: returns, which always find the fact of their original sale. */
        public boolean isDecrease() {
            return amount.signum() < 0 || quantity < 0;
        }

        private Change plus(Change other) {
            return new Change(productId, day, supplierId, amount.add(other.amount), quantity + other.quantity);
        }
    }

    private record ListingDay(long productId, LocalDate day) {
    }

    private static final Comparator<ListingDay> KEY_ORDER =
            Comparator.comparingLong(ListingDay::productId).thenComparing(ListingDay::day);

    private final Map<ListingDay, Change> changes = new TreeMap<>(KEY_ORDER);

    /**
     * Counts a newly recorded line on the day of its sale.
     *
     * @param original the sale a return refers to; null for a sale
     */
    public void add(SaleLine line, SaleLine original) {
        LocalDate saleDay = original == null ? line.occurredOn() : original.occurredOn();
        Change change = new Change(line.productId(), saleDay, line.supplierId(), line.amount(), line.quantity());
        changes.merge(new ListingDay(line.productId(), saleDay), change, Change::plus);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Every change, in key order. */
    public List<Change> all() {
        return List.copyOf(changes.values());
    }

    /** The changes that add to a fact or leave it as it is, in key order. */
    public List<Change> increases() {
        return changes.values().stream().filter(change -> !change.isDecrease()).toList();
    }

    /** The changes that take something away, in key order. */
    public List<Change> decreases() {
        return changes.values().stream().filter(Change::isDecrease).toList();
    }
}
