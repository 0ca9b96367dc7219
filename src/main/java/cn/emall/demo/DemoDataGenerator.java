package cn.emall.demo;

import cn.emall.platform.db.CopyStream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Fills an empty database with a realistic, reproducible Inner Mongolia e-mall: categories
 * with their parameter templates, admitted suppliers with their logins, their listings, a
 * three-year sales ledger with returns, and the {@code sales_daily} facts the nightly rules
 * read. The data contains the cases the rules look for: suppliers without sales for two years
 * (some through a full return) and listings without sales for twelve months.
 *
 * <p>Every table is written with PostgreSQL {@code COPY}, and the ledger is streamed, so a
 * province-sized spec ({@link DemoDataSpec#province}) takes minutes and little memory. The
 * same spec always gives the same rows.
 */
public final class DemoDataGenerator {

    /**
     * What {@link #generate} wrote.
     *
     * @param suppliers          suppliers admitted
     * @param listings           listings (products) listed
     * @param ledgerLines        sales ledger lines, returns included
     * @param returns            of those, return lines
     * @param zeroSalesSuppliers suppliers that SPEC step 2 would select on "as of": admitted at
     *                           least two years before it, with zero net sales in the two years
     *                           before it
     * @param zeroVolumeListings listings that SPEC step 3 would select on "as of": listed at least
     *                           twelve months before it, with zero net quantity in the twelve
     *                           months before it
     * @param elapsedMillis      how long it took
     */
    public record Summary(int suppliers, long listings, long ledgerLines, long returns, long zeroSalesSuppliers,
                          long zeroVolumeListings, long elapsedMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SEQUENCED_TABLES = List.of("supplier", "account", "product", "sale_line");
    private static final List<String> BULK_TABLES = List.of("product", "sale_line", "sales_daily");

    /**
     * Writes the demo data for the spec in one transaction: the caller's when auto-commit is
     * off (nothing is visible until the caller commits), otherwise one that this method commits,
     * or rolls back on failure. During the load the foreign keys of the listing and ledger
     * tables are suspended ({@link SuspendedForeignKeys}); they are back, and checked, before it
     * returns, which takes the table owner's rights.
     *
     * @throws IllegalStateException when the database already has suppliers, or categories
     *                               with the demo's codes
     * @throws SQLException          when the database refuses the data
     */
    public Summary generate(Connection connection, DemoDataSpec spec) throws SQLException {
        if (!connection.getAutoCommit()) {
            return generateInTransaction(connection, spec);
        }
        connection.setAutoCommit(false);
        try {
            Summary summary = generateInTransaction(connection, spec);
            connection.commit();
            return summary;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private Summary generateInTransaction(Connection connection, DemoDataSpec spec) throws SQLException {
        long started = System.nanoTime();
        requireEmpty(connection);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(spec.seed());
        DemoTimeline time = new DemoTimeline(spec.asOf());
        DemoPlaces places = new DemoPlaces();

        writeCategories(copy, time);
        DemoSuppliers suppliers = DemoSuppliers.plan(spec.suppliers(), time, places, random.split());
        suppliers.write(copy, nextId(connection, "account"));
        SuspendedForeignKeys foreignKeys = SuspendedForeignKeys.drop(connection, BULK_TABLES);
        DemoListings listings = DemoListings.plan((int) spec.listings(), suppliers, time, random.split());
        listings.write(copy, JSON, random.split());
        LedgerPlan plan = LedgerPlan.plan(spec.ledgerLines(), time, suppliers, listings, random.split());
        DemoLedger.Result ledger = new DemoLedger(time, suppliers, listings, places, plan, spec.ledgerLines())
                .write(copy, random.split());
        fillSalesDaily(connection);
        foreignKeys.restore(connection);
        resetSequences(connection);
        analyze(connection);

        return new Summary(suppliers.count(), listings.count(), ledger.lines(), ledger.returns(),
                countZeroSalesSuppliers(connection, spec.asOf()), countZeroVolumeListings(connection, spec.asOf()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select exists (select 1 from supplier)")) {
            rows.next();
            if (rows.getBoolean(1)) {
                throw new IllegalStateException("Demo data needs an empty database: the supplier table has rows");
            }
        }
        String[] codes = Arrays.stream(DemoCategory.values()).map(Enum::name).toArray(String[]::new);
        try (PreparedStatement statement = connection.prepareStatement(
                "select string_agg(code, ', ' order by code) from category where code = any (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", codes));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getString(1) != null) {
                    throw new IllegalStateException("Demo data brings its own categories, but these exist: "
                            + rows.getString(1));
                }
            }
        }
    }

    /** The demo categories, as if an officer had defined them a month before the launch. */
    private static void writeCategories(CopyManager copy, DemoTimeline time) throws SQLException {
        long definedAt = DemoTimeline.startOf(time.launchDay() - 30) + 9 * 3600;
        try (CopyStream rows = new CopyStream(copy, "COPY category (code, name, parameters, updated_at) FROM STDIN")) {
            for (DemoCategory category : DemoCategory.values()) {
                rows.text(category.name()).text(category.displayName()).text(templateJson(category))
                        .timestamp(definedAt).endRow();
            }
        }
    }

    private static String templateJson(DemoCategory category) {
        try {
            return JSON.writeValueAsString(category.template());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Demo template is not serialisable", e);
        }
    }

    private static long nextId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The net of each listing per business day of sale, in one statement: a return counts
     * against the day of the sale it refers to (see the comment on {@code sales_daily}). Rows
     * go in in key order, which keeps the primary key index's inserts at its end. The table must
     * be empty: this is also how a bulk-grown ledger gets its facts again.
     */
    public static void fillSalesDaily(Connection connection) throws SQLException {
        execute(connection, """
                insert into sales_daily (product_id, day, supplier_id, net_amount, net_quantity)
                select line.product_id, coalesce(original.occurred_on, line.occurred_on), line.supplier_id,
                       sum(line.amount), sum(line.quantity)
                from sale_line line
                left join sale_line original on original.id = line.refers_to
                group by line.product_id, coalesce(original.occurred_on, line.occurred_on), line.supplier_id
                order by 1, 2
                """);
    }

    /** Moves each id sequence past the ids written, so that the service's own inserts follow them. */
    private static void resetSequences(Connection connection) throws SQLException {
        for (String table : SEQUENCED_TABLES) {
            execute(connection, "select setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) from " + table);
        }
    }

    private static void analyze(Connection connection) throws SQLException {
        execute(connection, "analyze category, supplier, supplier_material, document, document_use, account, product, sale_line, sales_daily");
    }

    private static long countZeroSalesSuppliers(Connection connection, LocalDate asOf) throws SQLException {
        return count(connection, """
                select count(*) from supplier s
                where s.status = 'ACTIVE' and s.admitted_on <= ?
                  and not exists (select 1 from sales_daily d
                                  where d.supplier_id = s.id and d.day >= ? and d.day < ? and d.net_amount > 0)
                """, asOf.minusYears(2), asOf);
    }

    private static long countZeroVolumeListings(Connection connection, LocalDate asOf) throws SQLException {
        return count(connection, """
                select count(*) from product p
                where p.status = 'LISTED' and p.listed_on <= ?
                  and not exists (select 1 from sales_daily d
                                  where d.product_id = p.id and d.day >= ? and d.day < ? and d.net_quantity > 0)
                """, asOf.minusMonths(12), asOf);
    }

    /**
     * Runs a count of a rule's subjects: its parameters are the last day on which a subject
     * becomes old enough for the rule, which is also the window's first day, the window's first
     * day again, and "as of", the day after the window.
     */
    private static long count(Connection connection, String sql, LocalDate windowStart, LocalDate asOf)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, windowStart);
            statement.setObject(2, windowStart);
            statement.setObject(3, asOf);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
