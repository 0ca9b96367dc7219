package cn.emall.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Demo data for a fresh installation: when enabled, the service fills an empty database at
 * start-up with a reproducible e-mall of the given size (see {@link DemoDataGenerator}).
 * Never enable it against a production database.
 */
@ConfigMapping(prefix = "emall.demo-data")
public interface DemoDataConfig {

    /** Whether to generate demo data at start-up when the database has no suppliers yet. */
    @WithDefault("false")
    boolean enabled();

    /** The random seed: the same seed and sizes give the same data. */
    @WithDefault("20241231")
    long seed();

    /** How many admitted suppliers to generate; each gets ten listings on average. */
    @WithDefault("300")
    int suppliers();

    /** How many sales ledger lines to generate over the three years before today, returns included. */
    @WithDefault("60000")
    long ledgerLines();
}
