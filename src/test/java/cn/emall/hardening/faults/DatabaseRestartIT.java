package cn.emall.hardening.faults;

import cn.emall.testsupport.Api;
import cn.emall.hardening.HardeningResults;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database stopped under load and started again. Six clients keep searching listings (an
 * officer) and recording single sales (the order system) against the packaged service; PostgreSQL
 * is shut down (fast: open sessions cut) for eight seconds and started again. While it is down every
 * answer must be a clean 503 problem, never a 500 or a stack trace; afterwards the service must
 * serve again without a restart. Sales that got no answer or a 503 are sent again, as an order system
 * does; in the end every sale is stored exactly once and the ledger's sum is the client's.
 */
class DatabaseRestartIT {

    private static final Logger LOG = Logger.getLogger(DatabaseRestartIT.class);
    private static final String DATABASE = "restart";
    private static final int CLIENTS = 6;

    private static SharedPostgres postgres;

    @BeforeAll
    static void startDatabase() {
        postgres = SharedPostgres.start(Path.of("target", "hardening", "pg-restart"));
        postgres.createDatabase(DATABASE, null);
    }

    @AfterAll
    static void shutDown() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A sale sent: its body and the amount it carries. */
    record Sale(String orderNo, String body, BigDecimal amount) {
    }

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsDownAndTheServiceRecoversByItself() throws Exception {
        try (PackagedService service = PackagedService.start("restart", postgres.jdbcUrl(DATABASE), Map.of(
                "emall.demo-data.enabled", "true", "emall.demo-data.suppliers", "200", "emall.demo-data.ledger-lines", "20000"))) {
            String officer = service.officerToken();
            service.as(officer).body(Map.of("username", "orders", "password", "orders-password", "role", "ORDER_SYSTEM"))
                    .post("/api/v1/accounts").then().statusCode(201);
            String orders = service.token("orders", "orders-password");
            List<long[]> listings = postgres.listedProducts(DATABASE, 100);
            assertTrue(listings.size() > 10, "listings to sell");

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Map<String, Sale> sent = new ConcurrentHashMap<>();
            Set<String> stored = ConcurrentHashMap.newKeySet();
            Set<String> unanswered = ConcurrentHashMap.newKeySet();
            Map<String, AtomicInteger> byPhaseAndStatus = new ConcurrentHashMap<>();
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            AtomicLong sequence = new AtomicLong();
            AtomicLong lastFailureNanos = new AtomicLong();
            AtomicReference<String> phase = new AtomicReference<>("up");
            AtomicBoolean stop = new AtomicBoolean();

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    while (!stop.get()) {
                        long n = sequence.incrementAndGet();
                        String currentPhase = phase.get();
                        HttpRequest request;
                        Sale sale = null;
                        if (client % 2 == 0) {
                            request = HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/products?size=20&page=" + (n % 5)))
                                    .header("Authorization", "Bearer " + officer).timeout(Duration.ofSeconds(30)).GET().build();
                        } else {
                            long[] listing = listings.get((int) (n % listings.size()));
                            sale = sale("DBR-" + n, listing[0], listing[1]);
                            sent.put(sale.orderNo(), sale);
                            request = salesRequest(service, orders, sale);
                        }
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            int status = response.statusCode();
                            byPhaseAndStatus.computeIfAbsent(currentPhase + " " + status, k -> new AtomicInteger()).incrementAndGet();
                            String type = response.headers().firstValue("Content-Type").orElse("");
                            if (status >= 500 && (status != 503 || !type.startsWith("application/problem+json"))) {
                                violations.add(currentPhase + ": " + status + " " + type + " " + abbreviate(response.body()));
                            }
                            if (status >= 400 && status < 500) {
                                violations.add(currentPhase + ": unexpected " + status + " " + abbreviate(response.body()));
                            }
                            if (status >= 300) {
                                lastFailureNanos.set(System.nanoTime());
                            }
                            if (sale != null) {
                                (status == 201 || status == 200 ? stored : unanswered).add(sale.orderNo());
                            }
                        } catch (IOException | InterruptedException e) {
                            byPhaseAndStatus.computeIfAbsent(currentPhase + " no answer", k -> new AtomicInteger()).incrementAndGet();
                            violations.add(currentPhase + ": no answer: " + e);
                            lastFailureNanos.set(System.nanoTime());
                            if (sale != null) {
                                unanswered.add(sale.orderNo());
                            }
                        }
                    }
                });
            }

            PackagedService.sleep(5000);
            phase.set("down");
            Instant stopped = Instant.now();
            postgres.stop();
            PackagedService.sleep(8000);
            phase.set("restarting");
            postgres.startServer();
            Instant restarted = Instant.now();
            long restartedAt = System.nanoTime();
            phase.set("back");
            // Recovered: ten seconds without a failed answer, at most a minute after the restart.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() - Math.max(lastFailureNanos.get(), restartedAt) < 10_000_000_000L) {
                assertTrue(System.nanoTime() < deadline, "the service serves again within a minute of the database: "
                        + byPhaseAndStatus);
                PackagedService.sleep(200);
            }
            double recoverySeconds = Math.max(0, (lastFailureNanos.get() - restartedAt) / 1e9);
            stop.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

            // The order system sends again what got no answer or a 503: stored once, or answered 200 as already stored.
            int resent = 0;
            for (String orderNo : unanswered) {
                if (stored.contains(orderNo)) {
                    continue;
                }
                HttpResponse<String> again = http.send(salesRequest(service, orders, sent.get(orderNo)), HttpResponse.BodyHandlers.ofString());
                assertTrue(again.statusCode() == 201 || again.statusCode() == 200, "a resent sale is taken: " + again.body());
                stored.add(orderNo);
                resent++;
            }
            long storedLines;
            BigDecimal ledgerSum;
            try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), coalesce(sum(amount), 0) from sale_line where order_no like 'DBR-%'")) {
                rs.next();
                storedLines = rs.getLong(1);
                ledgerSum = rs.getBigDecimal(2);
            }
            BigDecimal clientSum = sent.values().stream().map(Sale::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            long serverErrors = violations.stream().filter(v -> v.matches("^[a-z]+: 5\\d\\d .*")).count();

            Map<String, Object> results = new LinkedHashMap<>();
            results.put("dbRestartAnswersByPhaseAndStatus", new java.util.TreeMap<>(Map.copyOf(
                    byPhaseAndStatus.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())))));
            results.put("dbRestartDownSeconds", Duration.between(stopped, restarted).toMillis() / 1000.0);
            results.put("dbRestartRecoverySeconds", Math.round(recoverySeconds * 10) / 10.0);
            results.put("dbRestartServerErrorsOtherThan503", serverErrors);
            results.put("dbRestartViolations", violations.size());
            results.put("dbRestartSalesSent", sent.size());
            results.put("dbRestartSalesResent", resent);
            results.put("dbRestartSalesStored", storedLines);
            HardeningResults.put(results);
            LOG.infof("Database restart: %s", results);
            violations.stream().limit(20).forEach(LOG::warn);

            assertEquals(List.of(), violations.stream().limit(20).toList(), "only 2xx and clean 503 problems, always an answer");
            assertTrue(byPhaseAndStatus.containsKey("down 503"), "the outage was seen: " + byPhaseAndStatus);
            assertEquals(sent.size(), storedLines, "every sale stored exactly once");
            assertEquals(0, clientSum.compareTo(ledgerSum), "the ledger's sum is the client's");
            assertTrue(service.isAlive(), "the service lived through it");
        }
    }

    private static Sale sale(String orderNo, long supplierId, long productId) {
        String body = "{\"orderNo\":\"" + orderNo + "\",\"lineNo\":1,\"supplierId\":" + supplierId + ",\"productId\":" + productId
                + ",\"buyer\":\"呼和浩特市第一中学\",\"quantity\":2,\"unitPrice\":\"12.50\",\"amount\":\"25.00\","
                + "\"occurredAt\":\"" + Api.justNow() + "\"}";
        return new Sale(orderNo, body, new BigDecimal("25.00"));
    }

    private static HttpRequest salesRequest(PackagedService service, String token, Sale sale) {
        return HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/sales")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sale.body())).build();
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
