package cn.emall.hardening;

import cn.emall.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sales ingest from 8 concurrent clients, the way a real order system behaves: 10% of the lines are
 * sent twice (retries), returns travel in other batches than their sale and may arrive first (the
 * client sends them again until their sale is stored), and some sales get two full returns at
 * once. Afterwards the ledger must hold each unique line once, no return above its sale, the sums
 * to the cent, the nightly facts equal to the ledger, and no answer may have been a 5xx.
 * {@code -Dhardening.lines} sets the size (the normal suite runs 6,000; {@code -Phardening} 200,000).
 */
@QuarkusTest
class IngestLoadTest {

    private static final Logger LOG = Logger.getLogger(IngestLoadTest.class);
    private static final int CLIENTS = 8;
    private static final int BATCH = 500;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/api/v1/sales/batch")
    URL batchUrl;

    private final ObjectMapper json = new ObjectMapper();

    /** One line and what the client expects of it. */
    record Line(Map<String, Object> body, String key, boolean isReturn, boolean mayBeRefusedAsOverReturn) {
    }

    @Test
    void retriedAndConcurrentLinesAreStoredOnceAndReconcileToTheCent() throws Exception {
        int lines = Integer.getInteger("hardening.lines", 6_000);
        String officer = Api.officerToken();
        String orders = Api.orderSystemToken();
        String category = Api.category(officer);
        List<long[]> listings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api.Admitted supplier = Api.admittedSupplier(officer);
            listings.add(new long[] {supplier.id(), Api.listProduct(supplier.token(), category)});
        }
        String run = "LOAD-" + System.nanoTime() + "-";
        String at = Api.justNow();
        Random random = new Random(42);
        List<Line> unique = new ArrayList<>();
        for (int i = 0; unique.size() < lines; i++) {
            long[] listing = listings.get(i % listings.size());
            int quantity = 1 + random.nextInt(5);
            String order = run + i;
            unique.add(new Line(Api.sale(order, 1, listing[0], listing[1], quantity, "100.00", at), order + "/1", false, false));
            if (i % 20 == 0) {
                unique.add(new Line(Api.saleReturn(order + "-R", 1, listing[0], listing[1], -quantity, "100.00", at, order, 1),
                        order + "-R/1", true, true));
                unique.add(new Line(Api.saleReturn(order + "-R", 2, listing[0], listing[1], -quantity, "100.00", at, order, 1),
                        order + "-R/2", true, true));
            } else if (i % 7 == 0) {
                unique.add(new Line(Api.saleReturn(order + "-R", 1, listing[0], listing[1], -1, "100.00", at, order, 1),
                        order + "-R/1", true, false));
            }
        }
        List<Line> sent = new ArrayList<>(unique);
        for (int i = 0; i < unique.size(); i += 10) {
            sent.add(unique.get(i));
        }
        Collections.shuffle(sent, random);

        LinkedBlockingDeque<List<Line>> queue = new LinkedBlockingDeque<>();
        for (int from = 0; from < sent.size(); from += BATCH) {
            queue.add(new ArrayList<>(sent.subList(from, Math.min(sent.size(), from + BATCH))));
        }
        Map<String, BigDecimal> storedAmount = new ConcurrentHashMap<>();
        AtomicInteger serverErrors = new AtomicInteger();
        java.util.Set<String> overReturns = ConcurrentHashMap.newKeySet();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicLong linesSent = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger(queue.size());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                while (inFlight.get() > 0) {
                    List<Line> batch = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (batch == null) {
                        continue;
                    }
                    linesSent.addAndGet(batch.size());
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(batchUrl.toString()))
                            .header("Authorization", "Bearer " + orders).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch.stream().map(Line::body).toList())))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() >= 500) {
                        serverErrors.incrementAndGet();
                        queue.add(batch);
                        continue;
                    }
                    List<Line> again = new ArrayList<>();
                    for (JsonNode result : json.readTree(response.body()).get("results")) {
                        Line line = batch.get(result.get("index").asInt());
                        int status = result.get("status").asInt();
                        if (status >= 500) {
                            serverErrors.incrementAndGet();
                            again.add(line);
                        } else if (status == 200 || status == 201) {
                            storedAmount.put(line.key(), new BigDecimal(result.get("line").get("amount").asText()));
                        } else if (status == 400 && line.isReturn()
                                && "refersTo".equals(result.get("problem").get("errors").get(0).get("field").asText())) {
                            again.add(line);
                        } else if (status == 409 && line.mayBeRefusedAsOverReturn()
                                && "urn:emall:problem:over-return".equals(result.get("problem").get("type").asText())) {
                            overReturns.add(line.key());
                        } else {
                            unexpected.incrementAndGet();
                            LOG.warnf("unexpected answer %d for %s: %s", status, line.key(), result);
                        }
                    }
                    if (!again.isEmpty()) {
                        inFlight.incrementAndGet();
                        queue.add(again);
                    }
                    inFlight.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.MINUTES);
        }
        clients.shutdown();

        long storedLines;
        BigDecimal ledgerSum;
        long overReturned;
        long factMismatches;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            storedLines = scalar(s, "select count(*) from sale_line where order_no like '" + run + "%'").longValue();
            ledgerSum = scalar(s, "select coalesce(sum(amount), 0) from sale_line where order_no like '" + run + "%'");
            overReturned = scalar(s, "select count(*) from (select o.id from sale_line o join sale_line r on r.refers_to = o.id "
                    + "where o.order_no like '" + run + "%' group by o.id, o.quantity having -sum(r.quantity) > o.quantity) x").longValue();
            String facts = "select product_id, day, net_amount, net_quantity from sales_daily";
            String ledger = "select l.product_id, coalesce(o.occurred_on, l.occurred_on), sum(l.amount), sum(l.quantity) "
                    + "from sale_line l left join sale_line o on o.id = l.refers_to group by 1, 2";
            factMismatches = scalar(s, "select count(*) from ((" + facts + " except " + ledger + ") union all ("
                    + ledger + " except " + facts + ")) x").longValue();
        }
        BigDecimal clientSum = storedAmount.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long pairsWithTwoReturns = unique.stream().filter(Line::mayBeRefusedAsOverReturn).count() / 2;

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("loadLinesSent", linesSent.get());
        results.put("loadUniqueLines", unique.size());
        results.put("loadLinesStored", storedLines);
        results.put("loadServerErrors", serverErrors.get());
        results.put("loadOverReturnsRefused", overReturns.size());
        results.put("loadOverReturnedOriginals", overReturned);
        results.put("loadLedgerSum", ledgerSum.toPlainString());
        results.put("loadClientSum", clientSum.toPlainString());
        HardeningResults.put(results);
        LOG.infof("ingest load: %s", results);

        assertEquals(0, serverErrors.get(), "no 5xx");
        assertEquals(0, unexpected.get(), "every answer was one the client expects");
        assertEquals(pairsWithTwoReturns, overReturns.size(), "of two full returns sent at once, exactly one is refused");
        assertTrue(overReturns.stream().noneMatch(storedAmount::containsKey), "a refused return is never also stored");
        assertEquals(unique.size() - pairsWithTwoReturns, storedLines, "stored lines equal unique accepted lines");
        assertEquals(0, overReturned, "no return above its sale");
        assertEquals(0, ledgerSum.compareTo(clientSum), "the ledger and the client's receipts agree to the cent");
        assertEquals(0, factMismatches, "the nightly facts equal the ledger");
        assertTrue(linesSent.get() > unique.size(), "retries were sent");
    }

    private static BigDecimal scalar(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
