package cn.emall.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link DemoDataGenerator} should write: how many suppliers, listings and ledger lines,
 * laid out around which business date, from which random seed. The same spec always gives
 * the same data.
 *
 * @param seed                       the seed of every random choice
 * @param suppliers                  the number of admitted suppliers
 * @param averageListingsPerSupplier the average number of listings per supplier; the total is
 *                                   exactly {@code suppliers * averageListingsPerSupplier}
 * @param ledgerLines                the number of sales ledger lines, returns included
 * @param asOf                       the business date (Asia/Shanghai) the data leads up to:
 *                                   everything happened before its start
 */
public record DemoDataSpec(long seed, int suppliers, int averageListingsPerSupplier, long ledgerLines,
                           LocalDate asOf) {

    /** The seed of the shipped presets. */
    public static final long DEFAULT_SEED = 20241231L;

    /** The most listings a spec may ask for: the generator keeps a few bytes per listing in memory. */
    public static final long MAX_LISTINGS = 50_000_000L;

    /** Refuses sizes that cannot be laid out and a missing date. */
    public DemoDataSpec {
        Objects.requireNonNull(asOf, "asOf");
        if (suppliers < 1) {
            throw new IllegalArgumentException("suppliers: must be at least 1, got " + suppliers);
        }
        if (averageListingsPerSupplier < 1) {
            throw new IllegalArgumentException("averageListingsPerSupplier: must be at least 1, got "
                    + averageListingsPerSupplier);
        }
        if (ledgerLines < 0) {
            throw new IllegalArgumentException("ledgerLines: must not be negative, got " + ledgerLines);
        }
        if ((long) suppliers * averageListingsPerSupplier > MAX_LISTINGS) {
            throw new IllegalArgumentException("suppliers * averageListingsPerSupplier: must be at most "
                    + MAX_LISTINGS);
        }
    }

    /** A demonstration mall: 300 suppliers, 3,000 listings, 60,000 ledger lines. */
    public static DemoDataSpec demo(LocalDate asOf) {
        return new DemoDataSpec(DEFAULT_SEED, 300, 10, 60_000L, asOf);
    }

    /** A province-sized mall: 20,000 suppliers, 1,200,000 listings, 10,000,000 ledger lines. */
    public static DemoDataSpec province(LocalDate asOf) {
        return new DemoDataSpec(DEFAULT_SEED, 20_000, 60, 10_000_000L, asOf);
    }

    /** The total number of listings. */
    public long listings() {
        return (long) suppliers * averageListingsPerSupplier;
    }
}
