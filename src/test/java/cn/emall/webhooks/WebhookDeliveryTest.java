package cn.emall.webhooks;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks end to end with a real receiver in the test JVM: Standard Webhooks signatures, every event
 * once and in feed order after the receiver was down, 410 disabling, the address rule at registration
 * and before each delivery, the test message, and the refusals of bad input.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    private String officer;

    @BeforeEach
    void logIn() {
        officer = Api.officerToken();
    }

    record Registered(long id, String secret) {
    }

    private Registered register(String url, String... types) {
        Response response = as(officer).body(Map.of("url", url, "events", List.of(types), "description", "对接测试"))
                .post("/api/v1/webhooks");
        response.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/webhooks/" + response.jsonPath().getLong("id")))
                .body("url", equalTo(url)).body("events", equalTo(List.of(types))).body("status", equalTo("ACTIVE"));
        return new Registered(response.jsonPath().getLong("id"), response.jsonPath().getString("secret"));
    }

    private void delete(Registered webhook) {
        as(officer).delete("/api/v1/webhooks/" + webhook.id()).then().statusCode(204);
    }

    /** The supplier ids of the supplier.applied events the receiver acknowledged, in the order they came. */
    private static List<String> acknowledgedSubjects(WebhookReceiver receiver, List<Long> ours) {
        return receiver.received().stream().filter(WebhookReceiver.Received::acknowledged).map(r -> subject(r.body()))
                .filter(subject -> ours.stream().anyMatch(id -> id.toString().equals(subject))).toList();
    }

    private static String subject(String body) {
        return JsonPath.from(body).getString("subject.id");
    }

    @Test
    void signaturesVerifyWithTheReceiversSecretAndFailWithAnother() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Registered webhook = register(receiver.url(), "supplier.applied");
            Registered other = register(receiver.url() + "?other", "run.finished");
            try {
                assertTrue(webhook.secret().matches("whsec_[A-Za-z0-9+/]+={0,2}"), webhook.secret());
                assertTrue(Base64.getDecoder().decode(webhook.secret().substring(6)).length >= 24);
                as(officer).get("/api/v1/webhooks/" + webhook.id()).then().statusCode(200).body("$", not(hasKey("secret")))
                        .body("events", equalTo(List.of("supplier.applied")));
                as(officer).get("/api/v1/webhooks").then().statusCode(200).body("items", org.hamcrest.Matchers.everyItem(not(hasKey("secret"))));

                long supplier = Api.apply(Api.newCreditCode());
                assertTrue(receiver.await(got -> got.stream().anyMatch(r -> String.valueOf(supplier).equals(subject(r.body()))),
                        PATIENCE), "the event arrived");
                WebhookReceiver.Received request = receiver.received().stream()
                        .filter(r -> String.valueOf(supplier).equals(subject(r.body()))).findFirst().orElseThrow();
                assertTrue(request.verifies(webhook.secret()), "signed with the receiver's secret");
                assertFalse(request.verifies(other.secret()), "another receiver's secret does not verify");
                assertFalse(new WebhookReceiver.Received(request.id(), request.timestamp(), request.signature(),
                        request.body().replace("supplier.applied", "supplier.admitted"), 204).verifies(webhook.secret()),
                        "a changed body does not verify");
                JsonPath body = JsonPath.from(request.body());
                assertEquals(request.id(), body.getString("id"), "webhook-id is the event's id");
                assertEquals("supplier.applied", body.getString("type"));
                assertEquals(supplier, body.getLong("data.supplierId"));
                assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.timestamp())) < 120,
                        "webhook-timestamp is Unix seconds of now: " + request.timestamp());
            } finally {
                delete(webhook);
                delete(other);
            }
        }
    }

    @Test
    void whileARealRunHoldsItsLockNothingIsHandedOutAndEverythingAfterIt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Registered webhook = register(receiver.url(), "supplier.applied");
            try {
                long supplier;
                try (Connection run = dataSource.getConnection()) {
                    try (PreparedStatement lock = run.prepareStatement("select pg_advisory_lock(?)")) {
                        lock.setLong(1, cn.emall.events.EventConsumers.BULK_WRITE_LOCK);
                        lock.executeQuery().close();
                    }
                    try {
                        supplier = Api.apply(Api.newCreditCode());
                        assertFalse(receiver.await(got -> !got.isEmpty(), Duration.ofSeconds(4)),
                                "nothing is sent while the run works: " + receiver.received());
                        as(officer).get("/api/v1/webhooks/" + webhook.id() + "/deliveries").then().statusCode(200)
                                .body("total", equalTo(0));
                    } finally {
                        try (PreparedStatement unlock = run.prepareStatement("select pg_advisory_unlock(?)")) {
                            unlock.setLong(1, cn.emall.events.EventConsumers.BULK_WRITE_LOCK);
                            unlock.executeQuery().close();
                        }
                    }
                }
                assertTrue(receiver.await(got -> got.stream().anyMatch(r -> String.valueOf(supplier).equals(subject(r.body()))),
                        PATIENCE), "the event arrived once the run let go of its lock");
            } finally {
                delete(webhook);
            }
        }
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventAfterwardsInOrderAndNoneTwice() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(503);
            Registered webhook = register(receiver.url(), "supplier.applied");
            try {
                List<Long> suppliers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    suppliers.add(Api.apply(Api.newCreditCode()));
                }
                assertTrue(receiver.await(got -> got.size() >= 3, PATIENCE), "the receiver was tried while down");
                receiver.answer(200);
                assertTrue(receiver.await(got -> acknowledgedSubjects(receiver, suppliers).size() >= suppliers.size(), PATIENCE),
                        "every event arrived once the receiver was up: " + acknowledgedSubjects(receiver, suppliers));
                assertEquals(suppliers.stream().map(String::valueOf).toList(), acknowledgedSubjects(receiver, suppliers),
                        "in feed order");
                List<String> acknowledgedIds = receiver.received().stream().filter(WebhookReceiver.Received::acknowledged)
                        .map(WebhookReceiver.Received::id).toList();
                assertEquals(acknowledgedIds.size(), acknowledgedIds.stream().distinct().count(), "none twice by id");
                List<String> whileDown = receiver.received().stream().filter(r -> !r.acknowledged())
                        .map(r -> subject(r.body())).distinct().toList();
                assertEquals(List.of(String.valueOf(suppliers.get(0))), whileDown,
                        "while the oldest event failed, no later one was sent");

                Response deliveries = as(officer).queryParam("size", 200).get("/api/v1/webhooks/" + webhook.id() + "/deliveries");
                deliveries.then().statusCode(200).body("total", equalTo(suppliers.size()));
                List<Map<String, Object>> items = deliveries.jsonPath().getList("items");
                String firstEvent = receiver.received().get(0).id();
                assertEquals(firstEvent, items.get(items.size() - 1).get("eventId"), "the history reads newest first");
                Map<String, Object> first = items.stream().filter(item -> firstEvent.equals(item.get("eventId"))).findFirst().orElseThrow();
                assertEquals("DELIVERED", first.get("status"));
                List<Map<String, Object>> attempts = castList(first.get("attempts"));
                assertTrue(attempts.size() >= 3, "each attempt recorded: " + attempts);
                assertEquals(503, attempts.get(0).get("statusCode"));
                assertEquals(200, attempts.get(attempts.size() - 1).get("statusCode"));
                assertTrue(attempts.stream().allMatch(a -> a.get("at") != null && ((Number) a.get("durationMs")).longValue() >= 0));
                as(officer).get("/api/v1/webhooks/" + webhook.id()).then().body("pendingDeliveries", equalTo(0));
            } finally {
                delete(webhook);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void aReceiverThatAnswers410IsDisabledAndIsSentNothingMore() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(410);
            Registered webhook = register(receiver.url(), "supplier.applied");
            try {
                Api.apply(Api.newCreditCode());
                assertTrue(receiver.await(got -> !got.isEmpty(), PATIENCE));
                assertTrue(awaitStatus(webhook, "DISABLED"), "disabled after 410");
                as(officer).get("/api/v1/webhooks/" + webhook.id()).then().body("disabledReason", equalTo("GONE"));
                Api.apply(Api.newCreditCode());
                sleep(3000);
                assertEquals(1, receiver.received().size(), "nothing more after 410: " + receiver.received());
                as(officer).get("/api/v1/webhooks/" + webhook.id() + "/deliveries").then().statusCode(200)
                        .body("total", equalTo(1)).body("items[0].status", equalTo("FAILED"))
                        .body("items[0].attempts[0].statusCode", equalTo(410));
            } finally {
                delete(webhook);
            }
        }
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefusedAtRegistration() {
        for (String url : List.of("https://10.0.0.5/hooks", "https://172.16.3.4/hooks", "https://192.168.1.1/hooks",
                "https://localhost/hooks", "https://127.0.0.2/hooks", "https://[::1]/hooks", "https://0.0.0.0/hooks",
                "https://169.254.169.254/latest/meta-data/", "https://[fd12:3456::1]/hooks", "https://[fe80::1]/hooks",
                "https://[::ffff:10.0.0.1]/hooks", "http://93.184.216.34/hooks", "https://user:pw@93.184.216.34/hooks",
                "not a url", "ftp://93.184.216.34/hooks")) {
            as(officer).body(Map.of("url", url, "events", List.of("supplier.applied"))).post("/api/v1/webhooks")
                    .then().statusCode(400).contentType(containsString("problem+json"))
                    .body("errors[0].field", equalTo("url"));
        }
        Registered publicAddress = register("https://93.184.216.34/hooks", "run.finished");
        delete(publicAddress);
    }

    @Test
    void anAddressThatIsNoLongerPublicIsRefusedBeforeTheDeliveryAndTheAttemptRecorded() throws SQLException {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Registered webhook = register(receiver.url(), "supplier.applied");
            try {
                // As if the receiver's host now resolved to an address inside the operator's network.
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("update webhook set url = 'https://10.20.30.40/hooks' where id = ?")) {
                    s.setLong(1, webhook.id());
                    s.executeUpdate();
                }
                Api.apply(Api.newCreditCode());
                String path = "/api/v1/webhooks/" + webhook.id() + "/deliveries";
                assertTrue(await(() -> {
                    List<Object> errors = as(officer).get(path).jsonPath().getList("items[0].attempts.error");
                    return errors != null && errors.stream().anyMatch(Objects::nonNull);
                }), "the refused attempt was recorded");
                as(officer).get(path).then().body("items[0].status", equalTo("PENDING"))
                        .body("items[0].attempts[0].statusCode", nullValue())
                        .body("items[0].attempts[0].error", containsString("10.20.30.40"));
                assertEquals(List.of(), receiver.received());
            } finally {
                delete(webhook);
            }
        }
    }

    @Test
    void aTestMessageIsSignedSentAtOnceAndRecorded() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Registered webhook = register(receiver.url(), "notice.issued");
            try {
                as(officer).post("/api/v1/webhooks/" + webhook.id() + "/test").then().statusCode(200)
                        .body("eventType", equalTo("webhook.test")).body("status", equalTo("DELIVERED"))
                        .body("attempts[0].statusCode", equalTo(204));
                WebhookReceiver.Received request = receiver.received().get(0);
                assertTrue(request.verifies(webhook.secret()));
                assertEquals("webhook.test", JsonPath.from(request.body()).getString("type"));

                receiver.delay(Duration.ofSeconds(4));
                as(officer).post("/api/v1/webhooks/" + webhook.id() + "/test").then().statusCode(200)
                        .body("status", equalTo("FAILED")).body("attempts[0].statusCode", nullValue())
                        .body("attempts[0].error", containsString("no answer within 3 s"));
                as(officer).get("/api/v1/webhooks/" + webhook.id() + "/deliveries").then().body("total", equalTo(2));
            } finally {
                delete(webhook);
            }
        }
    }

    @Test
    void badInputAnswersProblemsNamingTheField() {
        as(officer).body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("supplier.applied", "supplier.vanished")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("events[1]"))
                .body("errors[0].message", containsString("supplier.vanished"));
        as(officer).body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of())).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("events"));
        as(officer).body(Map.of("events", List.of("supplier.applied"))).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        as(officer).body(Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("supplier.applied"),
                "description", "x".repeat(501))).post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].field", equalTo("description"));
        for (String path : List.of("/api/v1/webhooks/987654321", "/api/v1/webhooks/987654321/deliveries")) {
            as(officer).get(path).then().statusCode(404).contentType(containsString("problem+json"));
        }
        as(officer).post("/api/v1/webhooks/987654321/test").then().statusCode(404);
        as(officer).delete("/api/v1/webhooks/987654321").then().statusCode(404);
        as(officer).queryParam("size", 0).get("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as(Api.orderSystemToken()).get("/api/v1/webhooks").then().statusCode(403);
    }

    private boolean awaitStatus(Registered webhook, String status) {
        return await(() -> status.equals(as(officer).get("/api/v1/webhooks/" + webhook.id()).jsonPath().getString("status")));
    }

    private static boolean await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(200);
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
