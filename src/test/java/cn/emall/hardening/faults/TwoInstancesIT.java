package cn.emall.hardening.faults;

import cn.emall.hardening.HardeningResults;
import io.restassured.response.Response;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged instances (two JVMs) on one PostgreSQL. They are started at the same moment on an
 * empty database (migrations, the bootstrap officer and the demo data must each happen once); then
 * both are asked for the same night's real run at the same moment, by hand, night after night; then
 * both are restarted with a schedule that fires every 15 seconds on both at the same second, and
 * their business clocks moved to the next night before each firing. Every night must have exactly
 * one real run, and no action, notice or credit entry may be doubled.
 */
class TwoInstancesIT {

    private static final Logger LOG = Logger.getLogger(TwoInstancesIT.class);
    private static final int SUPPLIERS = 600;
    private static final String DATABASE = "twin";

    private static SharedPostgres postgres;

    @BeforeAll
    static void startDatabase() {
        postgres = SharedPostgres.start(Path.of("target", "hardening", "pg-twin"));
        SharedPostgres.deleteTree(Path.of("target", "hardening", "services", "twin-a"));
        SharedPostgres.deleteTree(Path.of("target", "hardening", "services", "twin-b"));
        postgres.createDatabase(DATABASE, null);
    }

    @AfterAll
    static void shutDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void exactlyOneInstanceTakesEachNightByHandAndScheduled() throws Exception {
        Map<String, String> demo = Map.of("emall.demo-data.enabled", "true",
                "emall.demo-data.suppliers", Integer.toString(SUPPLIERS), "emall.demo-data.ledger-lines", "60000");
        PackagedService a = PackagedService.launch("twin-a", postgres.jdbcUrl(DATABASE), demo);
        PackagedService b = PackagedService.launch("twin-b", postgres.jdbcUrl(DATABASE), demo);
        LocalDate today;
        List<String> manualAnswers = new ArrayList<>();
        try (a; b) {
            a.awaitReady(java.time.Duration.ofSeconds(180));
            b.awaitReady(java.time.Duration.ofSeconds(180));
            assertEquals(1, count("select count(*) from account where username = 'officer'"), "one bootstrap officer");
            assertEquals(SUPPLIERS, count("select count(*) from supplier"), "the demo data generated once");

            String officer = a.officerToken();
            today = OffsetDateTime.parse(a.as(officer).get("/api/v1/sandbox/clock").then().extract().<String>path("now"))
                    .atZoneSameInstant(SeededMall.ZONE).toLocalDate();
            for (LocalDate night : List.of(today, today.plusDays(7), today.plusDays(14))) {
                OffsetDateTime clock = night.atTime(2, 0).atZone(SeededMall.ZONE).toOffsetDateTime();
                a.setClock(officer, clock);
                b.setClock(officer, clock);
                List<Integer> statuses = bothAtOnce(a, b, officer, night);
                manualAnswers.add(night + ": " + statuses);
                assertEquals(List.of(201, 409), statuses.stream().sorted().toList(),
                        "one instance runs the night, the other is refused: " + statuses);
            }
        }
        LOG.infof("By hand, both at once: %s", manualAnswers);

        Map<String, String> scheduled = Map.of("emall.cleanup.cron", "0/15 * * * * ?");
        PackagedService sa = PackagedService.launch("twin-a", postgres.jdbcUrl(DATABASE), scheduled);
        PackagedService sb = PackagedService.launch("twin-b", postgres.jdbcUrl(DATABASE), scheduled);
        int scheduledNights = 0;
        List<String> scheduledFirings = new ArrayList<>();
        try (sa; sb) {
            sa.awaitReady(java.time.Duration.ofSeconds(180));
            sb.awaitReady(java.time.Duration.ofSeconds(180));
            String officer = sa.officerToken();
            for (LocalDate night : List.of(today.plusDays(21), today.plusDays(28), today.plusDays(35))) {
                awaitQuietMoment();
                int fromA = sa.logLines().size();
                int fromB = sb.logLines().size();
                OffsetDateTime clock = night.atTime(2, 0).atZone(SeededMall.ZONE).toOffsetDateTime();
                sa.setClock(officer, clock);
                sb.setClock(officer, clock);
                awaitCompletedRun(night);
                PackagedService.sleep(2000);
                List<String> schedulerA = schedulerLines(sa, fromA);
                List<String> schedulerB = schedulerLines(sb, fromB);
                scheduledFirings.add(night + ": A " + schedulerA + ", B " + schedulerB);
                assertEquals(1, schedulerA.size(), "A's scheduler fired once for " + night + ": " + schedulerA);
                assertEquals(1, schedulerB.size(), "B's scheduler fired once for " + night + ": " + schedulerB);
                assertEquals(1, (int) java.util.stream.Stream.concat(schedulerA.stream(), schedulerB.stream())
                        .filter(line -> line.contains("Nightly cleanup finished")).count(),
                        "one of the two ran the night, the other stood aside: " + scheduledFirings);
                scheduledNights++;
            }
        }
        LOG.infof("Scheduled, both at the same second: %s", scheduledFirings);

        long doubled = count(DOUBLED);
        long realRuns = count("select count(*) from cleanup_run where not dry_run");
        long scheduledRuns = count("select count(*) from cleanup_run where not dry_run and trigger = 'SCHEDULED'");
        long actions = count("select count(*) from cleanup_action a join cleanup_run r on r.id = a.run_id where not r.dry_run");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("twoInstanceDoubledActions", doubled);
        results.put("twoInstanceRealRuns", realRuns);
        results.put("twoInstanceScheduledRuns", scheduledRuns);
        results.put("twoInstanceActions", actions);
        HardeningResults.put(results);
        LOG.infof("Two instances: %s", results);

        assertEquals(0, doubled, "no run, action, notice or credit entry doubled");
        assertEquals(6, realRuns, "one real run per night, three by hand and three scheduled");
        assertEquals(3, scheduledRuns, "the scheduled nights were run by a scheduler");
        assertTrue(actions > 0, "the nights did something");
    }

    /**
     * Extra real runs of a date, actions taken twice in a night, notices issued twice, credit taken
     * twice: everything the two instances could have doubled, counted in one figure.
     */
    private static final String DOUBLED = "select "
            + "(select count(*) - count(distinct as_of) from cleanup_run where not dry_run) "
            + "+ (select coalesce(sum(n - 1), 0) from (select count(*) n from cleanup_action a join cleanup_run r on r.id = a.run_id "
            + "   where not r.dry_run group by r.as_of, a.rule, a.action, a.supplier_id, a.product_id, a.notice_id) d) "
            + "+ (select coalesce(sum(n - 1), 0) from (select count(*) n from notice "
            + "   group by supplier_id, kind, product_id, notice_date, subject) d) "
            + "+ (select coalesce(sum(n - 1), 0) from (select count(*) n from credit_entry group by supplier_id, entry_date, reason) d)";

    /** Both instances asked for the night's real run at the same moment; their answers, A's first. */
    private static List<Integer> bothAtOnce(PackagedService a, PackagedService b, String officer, LocalDate night) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (PackagedService service : List.of(a, b)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                var request = service.as(officer).body(Map.of("asOf", night.toString(), "dryRun", false));
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                Response response = request.post("/api/v1/cleanup-runs");
                return response.statusCode();
            }));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    /** Waits until the next firing (every 15 s) is at least 6 s away, so that both clocks move before it. */
    private static void awaitQuietMoment() {
        while (true) {
            int second = LocalTime.now().getSecond() % 15;
            if (second >= 2 && second <= 8) {
                return;
            }
            PackagedService.sleep(250);
        }
    }

    private static void awaitCompletedRun(LocalDate night) throws SQLException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (count("select count(*) from cleanup_run where not dry_run and status = 'COMPLETED' and as_of = '" + night + "'") == 0) {
            assertTrue(System.nanoTime() < deadline, "a scheduler ran the night of " + night);
            PackagedService.sleep(500);
        }
    }

    /** What the instance's scheduler said after the given log line. */
    private static List<String> schedulerLines(PackagedService service, int fromLine) {
        List<String> lines = service.logLines();
        return lines.subList(fromLine, lines.size()).stream().filter(line -> line.contains("CleanupScheduler"))
                .map(line -> line.substring(Math.max(0, line.indexOf("Nightly")))).toList();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
