package cn.emall.hardening.faults;

import cn.emall.hardening.HardeningResults;
import cn.emall.testsupport.WebhookReceiver;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook delivery against the packaged service: killed with SIGKILL right after events commit
 * (before any is delivered) and again in the middle of delivering them, it delivers every event after
 * each restart, in feed order; two instances on one database deliver each event to each receiver
 * once, in order. The events are written straight into the outbox, each transaction a block of them,
 * as the owners of state write them.
 */
class WebhookDeliveryIT {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryIT.class);
    private static final int EVENTS = Integer.getInteger("hardening.webhook-events", 300);
    /** The same sealing key for every instance, as a cluster is configured. */
    private static final String SECRET_KEY = "q2Xl0m3c8bJvH6t1Zr4yWn9sKp5eUa7dGf0hQiRjLkM=";
    /**
     * A short timeout lets the lease of an instance killed while sending run out sooner (the lease is at
     * least the timeout and 30 s).
     */
    private static final Map<String, String> CONFIG = Map.of("emall.webhooks.allow-insecure-hosts", "127.0.0.1",
            "emall.webhooks.secret-key", SECRET_KEY, "emall.webhooks.timeout", "5s", "emall.webhooks.lease", "35s",
            "emall.webhooks.retry-delays", "1s,1s,2s,2s,5s,5s,10s,10s,10s,10s");
    private static final Duration PATIENCE = Duration.ofSeconds(240);

    private static SharedPostgres postgres;

    @BeforeAll
    static void startDatabase() {
        postgres = SharedPostgres.start(Path.of("target", "hardening", "pg-webhooks"));
        for (String name : List.of("hooks-kill", "hooks-twin-a", "hooks-twin-b")) {
            SharedPostgres.deleteTree(Path.of("target", "hardening", "services", name));
        }
    }

    @AfterAll
    static void shutDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedBetweenCommitAndDeliveryAndAgainWhileDeliveringItDeliversEveryEventInOrderAfterRestart() throws Exception {
        String database = "hooks_kill";
        postgres.createDatabase(database, null);
        Map<String, Object> results = new LinkedHashMap<>();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.delay(Duration.ofMillis(20));
            PackagedService first = PackagedService.start("hooks-kill", postgres.jdbcUrl(database), CONFIG);
            String secret = register(first, receiver);
            List<String> written = write(database, EVENTS);
            first.kill();
            int beforeFirstKill = acknowledged(receiver).size();

            PackagedService second = PackagedService.start("hooks-kill", postgres.jdbcUrl(database), CONFIG);
            assertTrue(receiver.await(got -> acknowledgedIds(got).size() >= EVENTS / 3, PATIENCE), "delivering after the restart");
            second.kill();
            int beforeSecondKill = acknowledgedIds(receiver.received()).size();

            long restarted = System.nanoTime();
            try (PackagedService third = PackagedService.start("hooks-kill", postgres.jdbcUrl(database), CONFIG)) {
                assertTrue(receiver.await(got -> acknowledgedIds(got).containsAll(written), PATIENCE),
                        "every event after the second restart");
                long tookAfterRestart = Duration.ofNanos(System.nanoTime() - restarted).toSeconds();
                List<WebhookReceiver.Received> acknowledged = acknowledged(receiver);
                List<String> firstArrivals = new ArrayList<>(new LinkedHashSet<>(acknowledged.stream()
                        .map(WebhookReceiver.Received::id).toList()));
                int twice = acknowledged.size() - firstArrivals.size();
                assertEquals(written, firstArrivals, "every event, in feed order");
                assertTrue(acknowledged.stream().allMatch(r -> r.verifies(secret)), "every message signed");
                assertTrue(twice <= 2, "at most the event in flight at each kill came twice (same webhook-id): " + twice);
                results.put("webhookKillEvents", EVENTS);
                results.put("webhookKillDeliveredBeforeFirstKill", beforeFirstKill);
                results.put("webhookKillDeliveredBeforeSecondKill", beforeSecondKill);
                results.put("webhookKillDeliveredTwice", twice);
                results.put("webhookKillSecondsToFinishAfterRestart", tookAfterRestart);
                results.put("webhookKillPendingAfter", count(database, "select count(*) from webhook_delivery where status <> 'DELIVERED'"));
            }
        }
        LOG.infof("Webhooks killed and restarted: %s", results);
        HardeningResults.put(results);
        assertEquals(0L, results.get("webhookKillPendingAfter"));
    }

    @Test
    void twoInstancesDeliverEachEventToEachReceiverOnceAndInOrder() throws Exception {
        String database = "hooks_twin";
        postgres.createDatabase(database, null);
        int receivers = 4;
        Map<String, Object> results = new LinkedHashMap<>();
        List<WebhookReceiver> started = new ArrayList<>();
        try {
            PackagedService a = PackagedService.launch("hooks-twin-a", postgres.jdbcUrl(database), CONFIG);
            PackagedService b = PackagedService.launch("hooks-twin-b", postgres.jdbcUrl(database), CONFIG);
            try (a; b) {
                a.awaitReady(Duration.ofSeconds(180));
                b.awaitReady(Duration.ofSeconds(180));
                List<String> secrets = new ArrayList<>();
                for (int i = 0; i < receivers; i++) {
                    WebhookReceiver receiver = WebhookReceiver.start();
                    receiver.delay(Duration.ofMillis(2));
                    started.add(receiver);
                    secrets.add(register(i % 2 == 0 ? a : b, receiver));
                }
                long from = System.nanoTime();
                List<String> written = write(database, EVENTS);
                for (WebhookReceiver receiver : started) {
                    assertTrue(receiver.await(got -> acknowledgedIds(got).containsAll(written), PATIENCE), "every event arrived");
                }
                results.put("webhookTwinSeconds", Duration.ofNanos(System.nanoTime() - from).toMillis() / 1000.0);
                int twice = 0;
                for (int i = 0; i < receivers; i++) {
                    List<String> ids = acknowledgedIds(started.get(i).received());
                    assertEquals(written, ids, "receiver " + i + ": every event once, in feed order");
                    String secret = secrets.get(i);
                    assertTrue(started.get(i).received().stream().allMatch(r -> r.verifies(secret)));
                    twice += started.get(i).received().size() - ids.stream().distinct().count();
                }
                results.put("webhookTwinReceivers", receivers);
                results.put("webhookTwinEvents", EVENTS);
                results.put("webhookTwinDeliveredTwice", twice);
                results.put("webhookTwinAttempts", count(database, "select count(*) from webhook_attempt"));
            }
        } finally {
            started.forEach(WebhookReceiver::close);
        }
        LOG.infof("Two instances delivering webhooks: %s", results);
        HardeningResults.put(results);
        assertEquals(0, results.get("webhookTwinDeliveredTwice"));
        assertEquals((long) receivers * EVENTS, results.get("webhookTwinAttempts"), "one attempt per event and receiver");
    }

    /** Registers the receiver for run.finished (the type the events below have); answers its secret. */
    private static String register(PackagedService service, WebhookReceiver receiver) {
        return service.as(service.officerToken()).body(Map.of("url", receiver.url(), "events", List.of("run.finished")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("secret");
    }

    /** Writes the events in transactions of 50, as the nightly run writes its own; answers their ids in feed order. */
    private static List<String> write(String database, int events) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = postgres.connect(database)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("insert into event (id, type, occurred_at, subject_kind, subject_id, data) "
                    + "values (?, 'run.finished', now(), 'run', ?, cast(? as jsonb))")) {
                for (int i = 0; i < events; i++) {
                    String id = UUID.randomUUID().toString();
                    s.setObject(1, UUID.fromString(id));
                    s.setString(2, Integer.toString(i));
                    s.setString(3, "{\"n\": " + i + "}");
                    s.executeUpdate();
                    ids.add(id);
                    if (i % 50 == 49) {
                        c.commit();
                    }
                }
            }
            c.commit();
        }
        return ids;
    }

    private static List<WebhookReceiver.Received> acknowledged(WebhookReceiver receiver) {
        return receiver.received().stream().filter(WebhookReceiver.Received::acknowledged).toList();
    }

    private static List<String> acknowledgedIds(List<WebhookReceiver.Received> received) {
        return received.stream().filter(WebhookReceiver.Received::acknowledged).map(WebhookReceiver.Received::id).toList();
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = postgres.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
