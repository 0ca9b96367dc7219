package cn.emall.demo;

import cn.emall.platform.db.CopyStream;
import org.postgresql.copy.CopyManager;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Streams the demo sales ledger (销售台账) into {@code sale_line}, day by day over the three
 * years before "as of", with ids in time order. Each day gets its share of the lines (few at
 * weekends, many in December, more each year); it first records the returns due that day,
 * then the planned sales of the {@link LedgerPlan}, then random orders of one to three lines
 * from one supplier to one purchasing unit. About 1.5% of random lines are returned later,
 * in part or in full, by a line of a return order (退货单) that refers to them.
 *
 * <p>The ledger has exactly the requested number of lines unless too few listings exist to
 * fill it; only the pending returns and the current day are held in memory.
 */
final class DemoLedger {

    /** What was written. */
    record Result(long lines, long returns) {
    }

    /** A return due on a later day, of the line with {@code originalId}. */
    private record PendingReturn(long originalId, int listing, int quantity, int unitPriceCents, int buyer,
                                 boolean planned) {
    }

    private static final double RETURN_RATE = 0.015;
    private static final double FULL_RETURN_SHARE = 0.4;
    private static final double MEAN_RETURN_DELAY_DAYS = 12;
    private static final int MAX_RETURN_DELAY_DAYS = 90;
    private static final double DISCOUNT_SHARE = 0.3;
    private static final int MAX_DISCOUNT_PERCENT = 8;
    private static final int MAX_EXTRA_ATTEMPTS = 3;
    private static final String COLUMNS = "id, order_no, line_no, supplier_id, product_id, buyer, quantity, unit_price,"
            + " amount, occurred_at, occurred_on, refers_to, recorded_at";

    private final DemoTimeline time;
    private final DemoSuppliers suppliers;
    private final DemoListings listings;
    private final DemoPlaces places;
    private final LedgerPlan plan;
    private final long ledgerLines;
    private final long[] target;
    private final List<List<PendingReturn>> returnsByDay = new ArrayList<>();
    private final OrderNumbers orders = new OrderNumbers("ZC");
    private final OrderNumbers returnOrders = new OrderNumbers("TH");
    private CopyStream rows;
    private long written;
    private long returns;
    private long reserved;

    DemoLedger(DemoTimeline time, DemoSuppliers suppliers, DemoListings listings, DemoPlaces places, LedgerPlan plan,
               long ledgerLines) {
        this.time = time;
        this.suppliers = suppliers;
        this.listings = listings;
        this.places = places;
        this.plan = plan;
        this.ledgerLines = ledgerLines;
        this.target = cumulativeTargets();
        this.reserved = plan.plannedLines();
        for (int day = time.ledgerStart(); day < time.asOfDay(); day++) {
            returnsByDay.add(new ArrayList<>());
        }
    }

    /** Writes the ledger; ids start at 1. */
    Result write(CopyManager copy, SplittableRandom random) throws SQLException {
        try (CopyStream stream = new CopyStream(copy, "COPY sale_line (" + COLUMNS + ") FROM STDIN")) {
            rows = stream;
            for (int day = time.ledgerStart(); day < time.asOfDay(); day++) {
                writeDay(day, random);
            }
        } finally {
            rows = null;
        }
        return new Result(written, returns);
    }

    private void writeDay(int day, SplittableRandom random) throws SQLException {
        int year = LocalDate.ofEpochDay(day).getYear();
        for (PendingReturn pending : returnsByDay.get(day - time.ledgerStart())) {
            if (pending.planned() || written + reserved < ledgerLines) {
                writeReturn(pending, day, year, random);
            }
        }
        for (LedgerPlan.PlannedSale sale : plan.plannedOn(day)) {
            writePlannedSale(sale, day, year, random);
        }
        long room = Math.min(target[day - time.ledgerStart()] - written, ledgerLines - written - reserved);
        while (room > 0) {
            int first = plan.sample(day, random);
            if (first < 0) {
                return;
            }
            room -= writeOrder(first, day, year, room, random);
        }
    }

    private void writePlannedSale(LedgerPlan.PlannedSale sale, int day, int year, SplittableRandom random)
            throws SQLException {
        int listing = sale.listing();
        int buyer = places.buyer(suppliers.city(listings.supplier(listing)), random);
        int quantity = listings.category(listing).quantity(random);
        int unitPrice = unitPrice(listing, random);
        long id = writeSale(orders.next(year), 1, listing, buyer, quantity, unitPrice,
                DemoTimeline.officeHours(day, random), day, random);
        reserved--;
        if (sale.returnDay() >= 0) {
            returnsOn(sale.returnDay()).add(new PendingReturn(id, listing, quantity, unitPrice, buyer, true));
        }
    }

    /** An order of up to {@code room} lines of one supplier, starting with {@code first}; answers its size. */
    private int writeOrder(int first, int day, int year, long room, SplittableRandom random) throws SQLException {
        int[] lines = orderLines(first, day, (int) Math.min(room, orderSize(random)), random);
        int buyer = places.buyer(suppliers.city(listings.supplier(first)), random);
        long at = DemoTimeline.officeHours(day, random);
        String orderNo = orders.next(year);
        for (int i = 0; i < lines.length; i++) {
            int listing = lines[i];
            int quantity = listings.category(listing).quantity(random);
            int unitPrice = unitPrice(listing, random);
            long id = writeSale(orderNo, i + 1, listing, buyer, quantity, unitPrice, at, day, random);
            maybeReturnLater(id, listing, quantity, unitPrice, buyer, day, random);
        }
        return lines.length;
    }

    /** The order's listings: {@code first}, then distinct others of its supplier that may sell on the day. */
    private int[] orderLines(int first, int day, int size, SplittableRandom random) {
        int supplier = listings.supplier(first);
        int[] lines = new int[size];
        lines[0] = first;
        int count = 1;
        for (int attempt = 0; count < size && attempt < MAX_EXTRA_ATTEMPTS * size; attempt++) {
            int other = listings.listingOf(supplier, random.nextInt(listings.countOf(supplier)));
            if (plan.canSell(other, day) && !contains(lines, count, other)) {
                lines[count++] = other;
            }
        }
        return count == size ? lines : Arrays.copyOf(lines, count);
    }

    private long writeSale(String orderNo, int lineNo, int listing, int buyer, int quantity, int unitPrice, long at,
                           int day, SplittableRandom random) throws SQLException {
        long id = ++written;
        rows.number(id).text(orderNo).number(lineNo).number(listings.supplier(listing) + 1L).number(listing + 1L)
                .text(places.unit(buyer)).number(quantity).cents(unitPrice).cents((long) quantity * unitPrice)
                .timestamp(at).date(day).nullValue().timestamp(recordedAt(at, random)).endRow();
        return id;
    }

    private void writeReturn(PendingReturn pending, int day, int year, SplittableRandom random) throws SQLException {
        long at = DemoTimeline.officeHours(day, random);
        int listing = pending.listing();
        rows.number(++written).text(returnOrders.next(year)).number(1).number(listings.supplier(listing) + 1L)
                .number(listing + 1L).text(places.unit(pending.buyer())).number(-pending.quantity())
                .cents(pending.unitPriceCents()).cents(-(long) pending.quantity() * pending.unitPriceCents())
                .timestamp(at).date(day).number(pending.originalId()).timestamp(recordedAt(at, random)).endRow();
        returns++;
        if (pending.planned()) {
            reserved--;
        }
    }

    /** Schedules a partial or full return of a random line, unless it would fall on or after "as of". */
    private void maybeReturnLater(long id, int listing, int quantity, int unitPrice, int buyer, int day,
                                  SplittableRandom random) {
        if (random.nextDouble() >= RETURN_RATE) {
            return;
        }
        int delay = 1 + (int) Math.min(MAX_RETURN_DELAY_DAYS - 1,
                -Math.log(1 - random.nextDouble()) * MEAN_RETURN_DELAY_DAYS);
        if (day + delay >= time.asOfDay()) {
            return;
        }
        int returned = quantity == 1 || random.nextDouble() < FULL_RETURN_SHARE
                ? quantity
                : 1 + random.nextInt(quantity - 1);
        returnsOn(day + delay).add(new PendingReturn(id, listing, returned, unitPrice, buyer, false));
    }

    private List<PendingReturn> returnsOn(int day) {
        return returnsByDay.get(day - time.ledgerStart());
    }

    /** The listing price, or a negotiated one a few percent below it (议价). */
    private int unitPrice(int listing, SplittableRandom random) {
        int price = listings.priceCents(listing);
        if (random.nextDouble() >= DISCOUNT_SHARE) {
            return price;
        }
        int percent = 100 - 1 - random.nextInt(MAX_DISCOUNT_PERCENT);
        return Math.max(1, (int) Math.round(price * percent / 100.0));
    }

    /** Mostly one line, sometimes two or three. */
    private static int orderSize(SplittableRandom random) {
        int ticket = random.nextInt(100);
        return ticket < 75 ? 1 : ticket < 92 ? 2 : 3;
    }

    /** The order system records a line a few minutes after the sale. */
    private static long recordedAt(long at, SplittableRandom random) {
        return at + 30 + random.nextInt(900);
    }

    /** For each day of the ledger, how many lines should be written by its end. */
    private long[] cumulativeTargets() {
        int days = time.asOfDay() - time.ledgerStart();
        double[] cumulative = new double[days];
        double sum = 0;
        for (int i = 0; i < days; i++) {
            sum += time.activity(time.ledgerStart() + i);
            cumulative[i] = sum;
        }
        long[] targets = new long[days];
        for (int i = 0; i < days; i++) {
            targets[i] = i == days - 1 ? ledgerLines : Math.round(ledgerLines * (cumulative[i] / sum));
        }
        return targets;
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Order numbers such as ZC2024-000123: a prefix, the year, and a number that restarts each year. */
    private static final class OrderNumbers {
        private final String prefix;
        private int year;
        private int number;

        OrderNumbers(String prefix) {
            this.prefix = prefix;
        }

        String next(int forYear) {
            if (forYear != year) {
                year = forYear;
                number = 0;
            }
            String digits = Integer.toString(++number);
            return prefix + year + "-" + "000000".substring(Math.min(6, digits.length())) + digits;
        }
    }
}
