package cn.emall.demo;

import cn.emall.catalog.model.ParameterSpec;
import cn.emall.catalog.model.ParameterTemplate;
import cn.emall.catalog.model.Violation;
import cn.emall.supplier.model.CreditCode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo data is complete, consistent with the schema and the rules, and reproducible. */
class DemoDataGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2024, 1, 1);
    private static final DemoDataSpec SPEC = new DemoDataSpec(42L, 60, 8, 8_000L, AS_OF);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static DataSource first;
    private static DataSource second;
    private static DemoDataGenerator.Summary summary;

    @BeforeAll
    static void generateTwiceWithTheSameSeed() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
        first = migratedDatabase("demo_first");
        second = migratedDatabase("demo_second");
        summary = generate(first, SPEC);
        generate(second, SPEC);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void writesExactlyTheRequestedCounts() throws SQLException {
        assertEquals(60, summary.suppliers());
        assertEquals(480, summary.listings());
        assertEquals(8_000, summary.ledgerLines());
        assertEquals(60, count("select count(*) from supplier where status = 'ACTIVE' and decided_by = 'demo'"));
        assertEquals(60, count("select count(*) from supplier_material"));
        assertEquals(60, count("select count(*) from account a join supplier s on s.id = a.supplier_id"
                + " where a.role = 'SUPPLIER' and a.username = s.credit_code"));
        assertEquals(480, count("select count(*) from product where status = 'LISTED'"));
        assertEquals(8_000, count("select count(*) from sale_line"));
        assertEquals(summary.returns(), count("select count(*) from sale_line where refers_to is not null"));
        assertTrue(summary.returns() >= 40 && summary.returns() <= 200, "about 1-2% returns: " + summary.returns());
    }

    @Test
    void everyCreditCodeIsValidUniqueAndFromInnerMongolia() throws SQLException {
        List<String> codes = strings("select credit_code from supplier");
        assertEquals(codes.size(), new HashSet<>(codes).size());
        for (String code : codes) {
            assertTrue(CreditCode.check(code).isValid(), code + ": " + CreditCode.check(code).message());
            assertTrue(code.startsWith("9115"), code);
        }
    }

    @Test
    void everyListingSatisfiesItsCategoryTemplate() throws Exception {
        Map<String, ParameterTemplate> templates = new HashMap<>();
        try (Connection c = first.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select code, parameters::text from category")) {
            while (rows.next()) {
                ParameterTemplate template = new ParameterTemplate(
                        JSON.readValue(rows.getString(2), new TypeReference<List<ParameterSpec>>() { }));
                assertEquals(List.of(), template.violations(), rows.getString(1));
                assertTrue(template.parameters().size() >= 3 && template.parameters().size() <= 6);
                templates.put(rows.getString(1), template);
            }
        }
        assertEquals(8, templates.size());
        try (Connection c = first.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select id, category_code, parameters::text from product")) {
            while (rows.next()) {
                Map<String, Object> values = JSON.readValue(rows.getString(3), new TypeReference<>() { });
                List<Violation> violations = templates.get(rows.getString(2)).check(values);
                assertEquals(List.of(), violations, "product " + rows.getLong(1));
            }
        }
    }

    @Test
    void brandAndModelAreUniqueWithinASupplier() throws SQLException {
        assertEquals(0, count("select count(*) from (select 1 from product"
                + " group by supplier_id, upper(brand), upper(model) having count(*) > 1) duplicates"));
    }

    @Test
    void noSaleBeforeAdmissionOrListingNorOnOrAfterAsOf() throws SQLException {
        assertEquals(0, count("select count(*) from sale_line l join supplier s on s.id = l.supplier_id"
                + " join product p on p.id = l.product_id"
                + " where l.occurred_on < s.admitted_on or l.occurred_on < p.listed_on"
                + " or p.supplier_id <> l.supplier_id"
                + " or l.occurred_at >= timestamp '2024-01-01 00:00' at time zone 'Asia/Shanghai'"
                + " or l.occurred_on <> (l.occurred_at at time zone 'Asia/Shanghai')::date"
                + " or l.occurred_on < date '2021-01-01'"));
        assertEquals(0, count("select count(*) from product p join supplier s on s.id = p.supplier_id"
                + " where p.listed_on < s.admitted_on or p.listed_on >= date '2024-01-01'"));
    }

    @Test
    void noReturnExceedsItsSaleOrPrecedesIt() throws SQLException {
        assertEquals(0, count("select count(*) from sale_line original"
                + " join sale_line r on r.refers_to = original.id"
                + " where r.occurred_at <= original.occurred_at or r.product_id <> original.product_id"
                + " or r.supplier_id <> original.supplier_id or original.refers_to is not null"));
        assertEquals(0, count("select count(*) from sale_line original"
                + " join sale_line r on r.refers_to = original.id"
                + " group by original.id, original.quantity having original.quantity + sum(r.quantity) < 0"));
    }

    @Test
    void salesDailyEqualsTheLedgerGroupedByTheDayOfTheSale() throws SQLException {
        String recomputed = "select l.product_id, coalesce(o.occurred_on, l.occurred_on) as day, l.supplier_id,"
                + " sum(l.amount) as net_amount, sum(l.quantity) as net_quantity"
                + " from sale_line l left join sale_line o on o.id = l.refers_to"
                + " group by 1, 2, 3";
        String stored = "select product_id, day, supplier_id, net_amount, net_quantity from sales_daily";
        assertEquals(0, count("select count(*) from ((" + recomputed + ") except (" + stored + ")) missing"));
        assertEquals(0, count("select count(*) from ((" + stored + ") except (" + recomputed + ")) extra"));
        assertTrue(count("select count(*) from sales_daily") > 0);
    }

    @Test
    void someSuppliersAdmittedLongAgoHaveNoNetSalesForTwoYears() throws SQLException {
        String zeroNet = "select s.id from supplier s where s.admitted_on <= date '2022-01-01'"
                + " and not exists (select 1 from sale_line l left join sale_line o on o.id = l.refers_to"
                + "   where l.supplier_id = s.id and coalesce(o.occurred_on, l.occurred_on) >= date '2022-01-01'"
                + "   group by coalesce(l.refers_to, l.id) having sum(l.amount) > 0)";
        long zeroSales = count("select count(*) from (" + zeroNet + ") z");
        assertEquals(zeroSales, summary.zeroSalesSuppliers());
        assertTrue(count("select count(*) from (" + zeroNet + ") z join supplier s on s.id = z.id"
                + " where s.admitted_on < date '2022-01-01'") >= 1, "admitted more than two years before");
        assertTrue(count("select count(*) from (" + zeroNet + ") z where exists (select 1 from sale_line l"
                + " where l.supplier_id = z.id and l.occurred_on >= date '2022-01-01' and l.quantity > 0)") >= 1,
                "a supplier whose only sale in the window was returned in full");
    }

    @Test
    void aboutFifteenPercentOfOldListingsHaveNoNetVolumeForTwelveMonths() throws SQLException {
        String zeroNet = "select p.id from product p where p.listed_on < date '2023-01-01'"
                + " and not exists (select 1 from sale_line l left join sale_line o on o.id = l.refers_to"
                + "   where l.product_id = p.id and coalesce(o.occurred_on, l.occurred_on) >= date '2023-01-01'"
                + "   group by coalesce(l.refers_to, l.id) having sum(l.quantity) > 0)";
        long zeroVolume = count("select count(*) from (" + zeroNet + ") z");
        long old = count("select count(*) from product where listed_on <= date '2023-01-01'");
        assertTrue(zeroVolume >= 1, "listings with zero net quantity: " + zeroVolume);
        assertTrue(zeroVolume <= old * 0.3, zeroVolume + " of " + old);
        assertTrue(summary.zeroVolumeListings() >= zeroVolume);
    }

    @Test
    void theSameSeedGivesTheSameData() throws SQLException {
        String checksum = "select (select md5(string_agg(concat_ws('|', id, name, credit_code, admitted_on), ','"
                + "   order by id)) from supplier)"
                + " || (select md5(string_agg(concat_ws('|', id, brand, model, price, parameters), ',' order by id))"
                + "   from product)"
                + " || md5(string_agg(concat_ws('|', id, order_no, line_no, supplier_id, product_id, buyer, quantity,"
                + "   unit_price, amount, occurred_at, refers_to, recorded_at), ',' order by id))"
                + " from sale_line";
        assertEquals(strings(first, checksum), strings(second, checksum));
    }

    @Test
    void everySupplierHasItsBusinessLicenceAsAStoredPdfTheSameForTheSameSeed() throws Exception {
        assertEquals(60, count("select count(*) from supplier_material m join document d on d.id::text = m.document_ref "
                + "and d.sha256 = m.sha256 join document_use u on u.document_id = d.id and u.supplier_id = m.supplier_id"));
        String checksum = "select md5(string_agg(encode(c.bytes, 'hex'), ',' order by d.id)) from document d "
                + "join document_content c on c.document_id = d.id";
        assertEquals(strings(first, checksum), strings(second, checksum));
        try (java.sql.Connection c = first.getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select d.sha256, c.bytes from document d join document_content c "
                     + "on c.document_id = d.id order by d.id limit 1")) {
            rs.next();
            byte[] pdf = rs.getBytes(2);
            java.nio.file.Path file = java.nio.file.Files.createTempFile("licence", ".pdf");
            java.nio.file.Files.write(file, pdf);
            assertEquals(cn.emall.document.model.DocumentFormat.PDF, cn.emall.document.model.ContentSniffer.detect(file));
            assertEquals(rs.getString(1), DemoLicences.sha256(pdf));
            assertTrue(new String(pdf, java.nio.charset.StandardCharsets.US_ASCII).endsWith("%%EOF\n"));
        }
    }

    @Test
    void sequencesContinueAfterTheGeneratedIds() throws SQLException {
        for (String table : List.of("supplier", "account", "product", "sale_line")) {
            assertEquals(1, count("select count(*) from (select max(id) as last from " + table + ") t"
                    + " where t.last < nextval(pg_get_serial_sequence('" + table + "', 'id'))"), table);
        }
    }

    @Test
    void refusesADatabaseThatHasSuppliers() throws SQLException {
        try (Connection c = first.getConnection()) {
            assertThrows(IllegalStateException.class, () -> new DemoDataGenerator().generate(c, SPEC));
        }
    }

    private static DataSource migratedDatabase(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        DataSource dataSource = postgres.getDatabase("postgres", name);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    private static DemoDataGenerator.Summary generate(DataSource dataSource, DemoDataSpec spec) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            DemoDataGenerator.Summary result = new DemoDataGenerator().generate(c, spec);
            c.commit();
            return result;
        }
    }

    private static long count(String sql) throws SQLException {
        List<String> values = strings(first, sql);
        return values.isEmpty() ? 0 : Long.parseLong(values.get(0));
    }

    private static List<String> strings(String sql) throws SQLException {
        return strings(first, sql);
    }

    private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
