package cn.emall.hardening.faults;

import cn.emall.hardening.HardeningResults;
import io.restassured.response.Response;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real nightly run killed with SIGKILL at a random moment, again and again, each time on a fresh
 * copy of the same e-mall; the service is started again and the run for the same night asked for
 * again, which resumes it (or answers 409 when it had finished). The end state must equal that of an
 * uninterrupted run on another copy, table by table: suppliers, listings, notices, credit entries,
 * appeals, the run and its actions.
 *
 * <p>The moments are spread over the run's progress: kill i waits until the run has recorded a
 * random number of actions inside the i-th twentieth of the uninterrupted run's total (polling the
 * database), then a random 0-24 ms more, so that kills land in every step, between and inside
 * transactions; the number of actions recorded at each kill shows where it landed. Small chunks
 * ({@code emall.cleanup.chunk-size=20}) give the run many transactions to be killed between and inside.
 */
class KillRunIT {

    private static final Logger LOG = Logger.getLogger(KillRunIT.class);
    private static final int KILLS = Integer.getInteger("hardening.kills", 20);
    private static final Map<String, String> CONFIG = Map.of("emall.cleanup.chunk-size", "20");

    private static SharedPostgres postgres;
    private static SeededMall mall;

    @BeforeAll
    static void seed() throws SQLException {
        postgres = SharedPostgres.start(Path.of("target", "hardening", "pg-kill"));
        mall = SeededMall.create(postgres, "seed", 3000, 300_000, 150);
    }

    @AfterAll
    static void shutDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRunKilledAtAnyMomentAndResumedEndsAsAnUninterruptedRunDoes() throws Exception {
        postgres.createDatabase("reference", mall.template);
        TableSnapshot reference;
        long runMillis;
        int totalActions;
        try (PackagedService service = PackagedService.start("reference", postgres.jdbcUrl("reference"), CONFIG)) {
            String officer = officerAtNight(service);
            long started = System.nanoTime();
            Response run = runNight(service, officer);
            runMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(201, run.statusCode(), run.asString());
            try (Connection c = postgres.connect("reference")) {
                reference = TableSnapshot.of(c);
                totalActions = actions(c);
            }
        }
        LOG.infof("Uninterrupted run: %d ms, %d actions, rows %s", runMillis, totalActions, reference.sizes());
        assertTrue(totalActions > 500, "the run has work to be killed in: " + totalActions);
        TableSnapshot before;
        try (Connection c = postgres.connect(mall.template)) {
            before = TableSnapshot.of(c);
        }
        assertEquals(Set.of("cleanup_action", "cleanup_run", "credit_entry", "notice", "product"),
                before.differences(reference).keySet(), "the comparison sees what the run changed");

        Random random = new Random(Long.getLong("hardening.seed", System.nanoTime()));
        List<Map<String, Object>> kills = new ArrayList<>();
        int mismatches = 0;
        TreeSet<Integer> points = new TreeSet<>();
        for (int i = 0; i < KILLS; i++) {
            postgres.createDatabase("trial", mall.template);
            int target = (int) ((i + random.nextDouble()) / KILLS * totalActions);
            long delay;
            int actionsAtKill;
            String statusAtKill;
            try (PackagedService service = PackagedService.start("trial", postgres.jdbcUrl("trial"), CONFIG)) {
                String officer = officerAtNight(service);
                CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                        HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/cleanup-runs"))
                                .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"" + mall.night() + "\",\"dryRun\":false}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                long sent = System.nanoTime();
                awaitProgress(target);
                PackagedService.sleep(random.nextInt(25));
                service.kill();
                delay = (System.nanoTime() - sent) / 1_000_000;
                inFlight.handle((response, failure) -> null).join();
            }
            try (Connection c = postgres.connect("trial")) {
                actionsAtKill = actions(c);
                statusAtKill = runStatus(c);
            }
            try (PackagedService service = PackagedService.start("trial", postgres.jdbcUrl("trial"), CONFIG)) {
                String officer = officerAtNight(service);
                Response again = runNight(service, officer);
                assertTrue(again.statusCode() == 201 || (again.statusCode() == 409 && "COMPLETED".equals(statusAtKill)),
                        "the night runs again after the kill: " + again.statusCode() + " " + again.asString());
            }
            TableSnapshot after;
            try (Connection c = postgres.connect("trial")) {
                after = TableSnapshot.of(c);
            }
            Map<String, Integer> differences = after.differences(reference);
            if (!differences.isEmpty()) {
                mismatches++;
                LOG.errorf("Kill %d after %d ms (%d actions recorded, run %s): differs from the uninterrupted run %s: %s",
                        i + 1, delay, actionsAtKill, statusAtKill, differences, after.sample(reference, 10));
            }
            points.add(actionsAtKill);
            Map<String, Object> kill = new LinkedHashMap<>();
            kill.put("afterMillis", delay);
            kill.put("actionsRecordedAtKill", actionsAtKill);
            kill.put("runStatusAtKill", statusAtKill);
            kill.put("differingTables", differences);
            kills.add(kill);
            LOG.infof("Kill %d/%d after %d ms: %d of %d actions recorded (run %s); after resuming: %s", i + 1, KILLS,
                    delay, actionsAtKill, totalActions, statusAtKill, differences.isEmpty() ? "same end state" : differences);
        }
        long midRun = kills.stream().filter(k -> (int) k.get("actionsRecordedAtKill") > 0
                && (int) k.get("actionsRecordedAtKill") < totalActions).count();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("killRuns", kills.size());
        results.put("killMismatches", mismatches);
        results.put("killsMidRun", midRun);
        results.put("killDistinctPoints", points.size());
        results.put("killUninterruptedRunMillis", runMillis);
        results.put("killRunActions", totalActions);
        results.put("killTablesCompared", TableSnapshot.compared());
        HardeningResults.put(results);
        HardeningResults.put(Map.of("killDetails", kills));
        LOG.infof("SIGKILL: %s", results);

        assertEquals(0, mismatches, "every killed and resumed run ends as the uninterrupted one");
        assertTrue(points.size() >= KILLS * 3 / 4, "the kills landed at different points: " + points);
    }

    /** Signs the officer in and moves the instance's clock to 02:00 on the night; answers the token. */
    private static String officerAtNight(PackagedService service) {
        String officer = service.officerToken();
        service.setClock(officer, mall.nightClock());
        return officer;
    }

    /** Waits until the run has recorded at least this many actions (or finished), polling the database. */
    private static void awaitProgress(int actions) throws SQLException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try (Connection c = postgres.connect("trial")) {
            while (actions(c) < actions && !"COMPLETED".equals(runStatus(c)) && System.nanoTime() < deadline) {
                PackagedService.sleep(2);
            }
        }
    }

    /**
     * Asks for the night's real run. Right after a kill the killed instance's database session may
     * not yet have noticed that its client is gone, and still hold the run lock for a moment: the
     * answer is then 409 run-in-progress, and the operator (here the test) asks again.
     */
    private static Response runNight(PackagedService service, String officer) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            Response response = service.as(officer).body(Map.of("asOf", mall.night().toString(), "dryRun", false))
                    .post("/api/v1/cleanup-runs");
            String type = response.statusCode() == 409 ? response.path("type") : null;
            if (type == null || !type.endsWith("run-in-progress") || System.nanoTime() > deadline) {
                return response;
            }
            PackagedService.sleep(500);
        }
    }

    private static int actions(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from cleanup_action a join cleanup_run r on r.id = a.run_id where not r.dry_run")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String runStatus(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select coalesce(max(status), 'NOT STARTED') from cleanup_run where not dry_run")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
