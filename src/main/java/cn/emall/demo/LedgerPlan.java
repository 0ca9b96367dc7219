package cn.emall.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the demo ledger must contain besides random trade, decided before a line is written:
 * <ul>
 *   <li>about 2% of the suppliers admitted more than two years before "as of" sell nothing in
 *       the two-year window of SPEC step 2 (they may have sold before it); a quarter of them
 *       sold once in the window and had that sale returned in full, so that their net is zero
 *       while their ledger is not empty;</li>
 *   <li>about 15% of the listings listed more than twelve months before "as of" sell nothing
 *       in the twelve-month window of SPEC step 3, a tenth of them through a full return;</li>
 *   <li>every other supplier and listing old enough for those rules sells in its window
 *       (planned sales), so that the zero cases are the designed ones. Planned lines take at
 *       most a quarter of the ledger: a spec with few lines per listing covers fewer listings.</li>
 * </ul>
 * Random trade picks listings by their sales weight among those it may sell on the day
 * ({@link #sample}).
 */
final class LedgerPlan {

    /** A sale that must happen on its day, with the day of its full return, or -1 for none. */
    record PlannedSale(int listing, int returnDay) {
    }

    private static final double ZERO_SALES_SHARE = 0.02;
    private static final double NET_ZERO_SHARE_OF_ZERO_SALES = 0.25;
    private static final double ZERO_VOLUME_SHARE = 0.14;
    private static final double NET_ZERO_SHARE_OF_ZERO_VOLUME = 0.1;
    private static final double PLANNED_SHARE_OF_LINES = 0.25;
    private static final int MARGIN_DAYS = 30;
    private static final int MAX_RETURN_DELAY = 20;

    private final DemoTimeline time;
    private final DemoSuppliers suppliers;
    private final DemoListings listings;
    private final boolean[] zeroSales;
    private final boolean[] zeroVolume;
    private final List<List<PlannedSale>> plannedByDay = new ArrayList<>();
    private final long capacity;
    private final double[][] cumulativeWeight = new double[3][];
    private long plannedLines;
    private int listedByDay = Integer.MIN_VALUE;
    private int listedByCount;

    private LedgerPlan(long ledgerLines, DemoTimeline time, DemoSuppliers suppliers, DemoListings listings) {
        this.time = time;
        this.suppliers = suppliers;
        this.listings = listings;
        this.zeroSales = new boolean[suppliers.count()];
        this.zeroVolume = new boolean[listings.count()];
        this.capacity = (long) (ledgerLines * PLANNED_SHARE_OF_LINES);
        for (int day = time.ledgerStart(); day < time.asOfDay(); day++) {
            plannedByDay.add(new ArrayList<>());
        }
    }

    /** Designates the zero cases, plans the sales that must happen and prepares the sampling. */
    static LedgerPlan plan(long ledgerLines, DemoTimeline time, DemoSuppliers suppliers, DemoListings listings,
                           SplittableRandom random) {
        LedgerPlan plan = new LedgerPlan(ledgerLines, time, suppliers, listings);
        plan.designateZeroSalesSuppliers(random);
        plan.designateZeroVolumeListings(random);
        plan.coverSuppliers(random);
        plan.coverListings(random);
        plan.prepareSampling();
        return plan;
    }

    /** The lines planned in all, sales and their returns. */
    long plannedLines() {
        return plannedLines;
    }

    /** The sales planned on the day. */
    List<PlannedSale> plannedOn(int day) {
        return plannedByDay.get(day - time.ledgerStart());
    }

    /** Whether random trade may sell the listing on the day. */
    boolean canSell(int listing, int day) {
        return listings.listedOn(listing) <= day
                && !(zeroSales[listings.supplier(listing)] && day >= time.supplierWindowStart())
                && !(zeroVolume[listing] && day >= time.listingWindowStart());
    }

    /**
     * A random listing that may be sold on the day, by sales weight.
     *
     * @return its index, or -1 when no listing may be sold yet
     */
    int sample(int day, SplittableRandom random) {
        int listed = listedBy(day);
        double[] cumulative = cumulativeWeight[phase(day)];
        if (listed == 0 || cumulative[listed - 1] <= 0) {
            return -1;
        }
        double ticket = random.nextDouble() * cumulative[listed - 1];
        int low = 0;
        int high = listed - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > ticket) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private void designateZeroSalesSuppliers(SplittableRandom random) {
        List<Integer> candidates = new ArrayList<>();
        int longAgo = time.supplierWindowStart() - MARGIN_DAYS;
        for (int s = 0; s < suppliers.count(); s++) {
            boolean smallSeller = suppliers.salesRank(s) > suppliers.count() / 5;
            boolean listedLongAgo = listings.listedOn(listings.listingOf(s, 0)) < longAgo;
            if (smallSeller && suppliers.admittedOn(s) < longAgo && listedLongAgo) {
                candidates.add(s);
            }
        }
        shuffle(candidates, random);
        int wanted = Math.max(2, (int) Math.round(ZERO_SALES_SHARE * suppliers.count()));
        int designated = Math.min(candidates.size(), wanted);
        int netZero = Math.max(1, (int) Math.round(designated * NET_ZERO_SHARE_OF_ZERO_SALES));
        for (int i = 0; i < designated; i++) {
            int s = candidates.get(i);
            zeroSales[s] = true;
            if (i < netZero) {
                planNetZeroSupplier(s, random);
            }
        }
    }

    /** One sale before the window, and the only one in it returned in full. */
    private void planNetZeroSupplier(int s, SplittableRandom random) {
        if (plannedLines + 3 > capacity) {
            return;
        }
        int oldest = listings.listingOf(s, 0);
        plan(between(Math.max(listings.listedOn(oldest), time.ledgerStart()), time.supplierWindowStart() - 1, random),
                oldest, -1);
        int listing = listings.listingOf(s, random.nextInt(listings.countOf(s)));
        if (listings.listedOn(listing) > time.asOfDay() - MARGIN_DAYS) {
            listing = oldest;
        }
        planReturnedSale(listing, Math.max(listings.listedOn(listing), time.supplierWindowStart()), random);
    }

    private void designateZeroVolumeListings(SplittableRandom random) {
        int longAgo = time.listingWindowStart() - MARGIN_DAYS;
        for (int p = 0; p < listings.count() && listings.listedOn(p) < longAgo; p++) {
            if (!zeroSales[listings.supplier(p)] && random.nextDouble() < ZERO_VOLUME_SHARE) {
                zeroVolume[p] = true;
                if (random.nextDouble() < NET_ZERO_SHARE_OF_ZERO_VOLUME && plannedLines + 2 <= capacity) {
                    planReturnedSale(p, time.listingWindowStart(), random);
                }
            }
        }
    }

    /** A sale from {@code firstDay} on, a month before "as of" at the latest, returned in full within 20 days. */
    private void planReturnedSale(int listing, int firstDay, SplittableRandom random) {
        int day = between(firstDay, time.asOfDay() - MARGIN_DAYS, random);
        plan(day, listing, day + 1 + random.nextInt(MAX_RETURN_DELAY));
    }

    /** Every supplier old enough for SPEC step 2 and not designated sells its oldest listing in the window. */
    private void coverSuppliers(SplittableRandom random) {
        for (int s = 0; s < suppliers.count(); s++) {
            if (zeroSales[s] || suppliers.admittedOn(s) > time.supplierWindowStart() || plannedLines >= capacity) {
                continue;
            }
            int oldest = listings.listingOf(s, 0);
            int last = zeroVolume[oldest] ? time.listingWindowStart() - 1 : time.asOfDay() - 1;
            plan(between(Math.max(listings.listedOn(oldest), time.supplierWindowStart()), last, random), oldest, -1);
        }
    }

    /** Every listing old enough for SPEC step 3 and not designated sells in the window, as far as room allows. */
    private void coverListings(SplittableRandom random) {
        List<Integer> candidates = new ArrayList<>();
        for (int p = 0; p < listings.count() && listings.listedOn(p) <= time.listingWindowStart(); p++) {
            if (!zeroVolume[p] && !zeroSales[listings.supplier(p)]) {
                candidates.add(p);
            }
        }
        double share = candidates.isEmpty() ? 0 : Math.min(1, (double) (capacity - plannedLines) / candidates.size());
        for (int p : candidates) {
            if (random.nextDouble() < share) {
                plan(between(time.listingWindowStart(), time.asOfDay() - 1, random), p, -1);
            }
        }
    }

    private void plan(int day, int listing, int returnDay) {
        plannedOn(day).add(new PlannedSale(listing, returnDay));
        plannedLines += returnDay < 0 ? 1 : 2;
    }

    /**
     * Cumulative sales weights in listing order for each phase of the ledger: before the
     * suppliers' window every listing may sell; in it the zero-sales suppliers' may not; in the
     * listings' window the zero-volume listings may not either.
     */
    private void prepareSampling() {
        for (int phase = 0; phase < cumulativeWeight.length; phase++) {
            double[] cumulative = new double[listings.count()];
            double sum = 0;
            for (int p = 0; p < cumulative.length; p++) {
                boolean excluded = (phase >= 1 && zeroSales[listings.supplier(p)]) || (phase == 2 && zeroVolume[p]);
                sum += excluded ? 0 : listings.weight(p);
                cumulative[p] = sum;
            }
            cumulativeWeight[phase] = cumulative;
        }
    }

    private int phase(int day) {
        if (day < time.supplierWindowStart()) {
            return 0;
        }
        return day < time.listingWindowStart() ? 1 : 2;
    }

    /** The number of listings listed on or before the day: they come first, in order of listing. */
    private int listedBy(int day) {
        if (day != listedByDay) {
            listedByDay = day;
            listedByCount = countListedBy(day);
        }
        return listedByCount;
    }

    private int countListedBy(int day) {
        int low = 0;
        int high = listings.count();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (listings.listedOn(middle) <= day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int between(int first, int last, SplittableRandom random) {
        return first + random.nextInt(last - first + 1);
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }
}
