package cn.emall.hardening.faults;

import cn.emall.testsupport.Api;
import cn.emall.hardening.HardeningResults;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's backup and restore procedure, done for real: {@code pg_dump -Fc} of a live e-mall
 * (after a real nightly run, so that every table has rows, documents' bytes included) while the service runs, {@code pg_restore}
 * into a fresh empty database, the service started on the copy. Every table must hold the same
 * rows, id for id, every sequence the same position, the service must answer the same reports, the
 * ledger must still refuse changes, and new sales must be taken.
 *
 * <p>pg_dump must be as new as the server (17); Debian 12 ships 15, so {@code src/test/sh/pg-client-17.sh}
 * builds 17.11 from Debian's source package once (about 30 seconds) into {@code ~/.cache/emall}.
 */
class BackupRestoreIT {

    private static final Logger LOG = Logger.getLogger(BackupRestoreIT.class);

    private static SharedPostgres postgres;
    private static SeededMall mall;

    @BeforeAll
    static void seed() throws SQLException {
        postgres = SharedPostgres.start(Path.of("target", "hardening", "pg-backup"));
        mall = SeededMall.create(postgres, "seed", 500, 50_000, 40);
    }

    @AfterAll
    static void shutDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDumpRestoredIntoAFreshDatabaseServesTheSameData() throws Exception {
        Path bin = pgClient();
        Path dump = Path.of("target", "hardening", "backup", "emall.dump").toAbsolutePath();
        Files.createDirectories(dump.getParent());
        Files.deleteIfExists(dump);
        postgres.createDatabase("live", mall.template);

        Map<String, String> answersBefore;
        try (PackagedService live = PackagedService.start("live", postgres.jdbcUrl("live"), Map.of())) {
            String officer = live.officerToken();
            live.setClock(officer, mall.nightClock());
            int run = live.as(officer).body(Map.of("asOf", mall.night().toString(), "dryRun", false))
                    .post("/api/v1/cleanup-runs").then().statusCode(201).extract().path("id");
            answersBefore = answers(live, officer, run);
            // Backed up while the service runs, as operators do every night.
            exec(bin.resolve("pg_dump").toString(), "-h", "localhost", "-p", Integer.toString(postgres.port()), "-U", "postgres",
                    "-Fc", "-f", dump.toString(), "live");
        }
        postgres.createDatabase("restored", null);
        exec(bin.resolve("pg_restore").toString(), "-h", "localhost", "-p", Integer.toString(postgres.port()), "-U", "postgres",
                "--no-owner", "--exit-on-error", "-d", "restored", dump.toString());

        Map<String, String> live = contents("live");
        Map<String, String> restored = contents("restored");
        List<String> differing = new ArrayList<>();
        live.forEach((table, digest) -> {
            if (!digest.equals(restored.get(table))) {
                differing.add(table);
            }
        });
        assertEquals(live.keySet(), restored.keySet(), "the same tables and sequences");
        assertEquals(List.of(), differing, "every table the same, row for row");
        assertTrue(live.containsKey("document_content"), "documents' bytes are in the dump");

        Map<String, String> answersAfter;
        int newSale;
        try (PackagedService copy = PackagedService.start("restored", postgres.jdbcUrl("restored"), Map.of())) {
            String officer = copy.officerToken();
            int run = Integer.parseInt(answersBefore.get("run id"));
            answersAfter = answers(copy, officer, run);
            copy.as(officer).body(Map.of("username", "orders", "password", "orders-password", "role", "ORDER_SYSTEM"))
                    .post("/api/v1/accounts").then().statusCode(201);
            String orders = copy.token("orders", "orders-password");
            long[] listing = postgres.listedProducts("restored", 1).get(0);
            newSale = copy.as(orders).body(Map.of("orderNo", "AFTER-RESTORE-1", "lineNo", 1, "supplierId", listing[0],
                            "productId", listing[1], "buyer", "呼和浩特市第一中学", "quantity", 1, "unitPrice", "10.00",
                            "amount", "10.00", "occurredAt", Api.justNow()))
                    .post("/api/v1/sales").statusCode();
        }
        assertEquals(answersBefore, answersAfter, "the restored service answers as the live one did");
        assertEquals(201, newSale, "the restored ledger takes new sales (its sequences were restored)");
        try (Connection c = postgres.connect("restored"); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update sale_line set quantity = quantity + 1 "
                    + "where id = (select min(id) from sale_line)"), "the restored ledger is still append-only");
        }

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("backupTablesCompared", live.size());
        results.put("backupTablesDiffering", differing.size());
        results.put("backupDumpBytes", Files.size(dump));
        results.put("backupAnswersCompared", answersBefore.size());
        HardeningResults.put(results);
        LOG.infof("Backup and restore: %s", results);
    }

    /** What the service answers about the night, a supplier's credit and the public board. */
    private static Map<String, String> answers(PackagedService service, String officer, int run) throws SQLException {
        Map<String, String> answers = new TreeMap<>();
        answers.put("run id", Integer.toString(run));
        answers.put("run report", service.as(officer).get("/api/v1/cleanup-runs/" + run).then().statusCode(200).extract().asString());
        answers.put("report csv", service.as(officer).get("/api/v1/cleanup-runs/" + run + "/report.csv").then().statusCode(200)
                .extract().asString());
        answers.put("announcements", service.call().get("/api/v1/announcements?size=200").then().statusCode(200).extract().asString());
        answers.put("suppliers", service.as(officer).get("/api/v1/suppliers?size=200").then().statusCode(200).extract().asString());
        answers.put("notices", service.as(officer).get("/api/v1/notices?size=200").then().statusCode(200).extract().asString());
        // Documents, byte for byte as served: the first supplier's business licence (its SHA-256 and bytes).
        String licence = service.as(officer).get("/api/v1/suppliers/1").then().statusCode(200).extract()
                .path("materials[0].documentRef");
        byte[] bytes = service.as(officer).get("/api/v1/documents/" + licence).then().statusCode(200).extract().asByteArray();
        answers.put("document " + licence, java.util.HexFormat.of().formatHex(bytes));
        return answers;
    }

    /** Every table's rows (all columns) and every sequence's position, as digests. */
    private static Map<String, String> contents(String database) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection c = postgres.connect(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') "
                        + "from " + table + " t")) {
                    rs.next();
                    contents.put(table, rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select sequencename, last_value from pg_sequences where schemaname = 'public'")) {
                while (rs.next()) {
                    contents.put("sequence " + rs.getString(1), String.valueOf(rs.getObject(2)));
                }
            }
        }
        assertTrue(contents.size() > 15, "tables found: " + contents.keySet());
        return contents;
    }

    /** The pg_dump/pg_restore 17 binaries' directory, built on first use. */
    private static Path pgClient() throws IOException, InterruptedException {
        String out = exec("bash", "src/test/sh/pg-client-17.sh");
        String[] lines = out.strip().split("\n");
        return Path.of(lines[lines.length - 1]);
    }

    private static String exec(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(0, exit, String.join(" ", command) + " failed: " + out);
        return out;
    }
}
