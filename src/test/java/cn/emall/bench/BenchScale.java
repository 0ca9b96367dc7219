package cn.emall.bench;

import java.util.Locale;

/**
 * How big the benchmark runs: {@code tiny} inside the normal test suite (checks that the figures are
 * produced and agree with the analyst SQL), {@code small} for a quick look, {@code province} for the
 * figures in BENCHMARKS.md. Chosen with {@code -Dbench.scale}.
 */
enum BenchScale {
    TINY(40, 5, 4_000, 2_000, 50, 3),
    SMALL(2_000, 60, 1_000_000, 50_000, 200, 10),
    PROVINCE(20_000, 60, 10_000_000, 200_000, 200, 30);

    final int suppliers;
    final int listingsPerSupplier;
    final long ledgerLines;
    final int ingestLines;
    final int requestsPerSecond;
    final int loadSeconds;

    BenchScale(int suppliers, int listingsPerSupplier, long ledgerLines, int ingestLines, int requestsPerSecond,
               int loadSeconds) {
        this.suppliers = suppliers;
        this.listingsPerSupplier = listingsPerSupplier;
        this.ledgerLines = ledgerLines;
        this.ingestLines = ingestLines;
        this.requestsPerSecond = requestsPerSecond;
        this.loadSeconds = loadSeconds;
    }

    static BenchScale fromSystemProperty() {
        return valueOf(System.getProperty("bench.scale", "tiny").trim().toUpperCase(Locale.ROOT));
    }
}
