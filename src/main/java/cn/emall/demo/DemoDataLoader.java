package cn.emall.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Generates the demo data at start-up, after Flyway has migrated, when
 * {@code emall.demo-data.enabled} is true and the database has no suppliers yet: in one
 * transaction, as of today in Asia/Shanghai by the business clock. Instances that start
 * together take turns on a transaction-scoped advisory lock, so only the first one generates.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    private final DemoDataConfig config;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    public DemoDataLoader(DemoDataConfig config, AgroalDataSource dataSource, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (!config.enabled()) {
            return;
        }
        DemoDataSpec spec = spec(LocalDate.ofInstant(clock.instant(), DemoTimeline.ZONE));
        Optional<DemoDataGenerator.Summary> summary = generateInOneTransaction(spec);
        if (summary.isPresent()) {
            LOG.infof("Demo data as of %s generated in %d ms: %s", spec.asOf(), summary.get().elapsedMillis(),
                    summary.get());
        } else {
            LOG.info("Demo data is enabled, but the database already has suppliers: nothing generated");
        }
    }

    private DemoDataSpec spec(LocalDate asOf) {
        return new DemoDataSpec(config.seed(), config.suppliers(), DemoDataSpec.demo(asOf).averageListingsPerSupplier(),
                config.ledgerLines(), asOf);
    }

    /** The summary of the generation, or empty when the database already had suppliers. */
    private Optional<DemoDataGenerator.Summary> generateInOneTransaction(DemoDataSpec spec) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<DemoDataGenerator.Summary> summary = generateIfEmpty(connection, spec);
                connection.commit();
                return summary;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static Optional<DemoDataGenerator.Summary> generateIfEmpty(Connection connection, DemoDataSpec spec)
            throws SQLException {
        lock(connection);
        if (hasSuppliers(connection)) {
            return Optional.empty();
        }
        LOG.infof("Generating demo data as of %s: %d suppliers, %d listings, %d ledger lines (seed %d)",
                spec.asOf(), spec.suppliers(), spec.listings(), spec.ledgerLines(), spec.seed());
        return Optional.of(new DemoDataGenerator().generate(connection, spec));
    }

    private static void lock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(hashtext('emall.demo-data'))");
        }
    }

    private static boolean hasSuppliers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select exists (select 1 from supplier)")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
