package cn.emall.bench;

import cn.emall.demo.DemoDataGenerator;
import cn.emall.demo.DemoDataSpec;
import cn.emall.enforcement.run.CleanupRunner;
import cn.emall.catalog.ProductRepository;
import cn.emall.catalog.ProductService;
import cn.emall.enforcement.NoticeService;
import cn.emall.events.EventType;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.MovableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import cn.emall.events.Outbox;
import cn.emall.testsupport.Api;
import cn.emall.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The province-scale benchmark (BENCHMARKS.md): generates an e-mall with the demo generator, then
 * measures the nightly run (dry and real) against the plain SQL an analyst would write, the dry run
 * again on a ledger grown to about four times its size, sales ingest over HTTP against COPY, and
 * the latency of listing search and sale recording under a steady load. Every measurement is
 * repeated {@value #REPEATS} times and the median reported; the figures go to
 * {@code target/bench/results.json}. In the normal suite it runs at the tiny scale and checks only
 * that the figures are produced and that the run finds exactly what the analyst SQL finds.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
class ProvinceBenchmarkTest {

    private static final Logger LOG = Logger.getLogger(ProvinceBenchmarkTest.class);
    private static final int REPEATS = 3;
    private static final int INGEST_WARM_UP_PASSES = 3;
    private static final int STEADY_NIGHTS = 7;
    private static final int PAGE_WARM_UP = 30;
    private static final int PAGE_REQUESTS = 100;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CleanupRunner runner;

    @Inject
    MovableClock clock;

    @Inject
    ProductRepository products;

    @Inject
    ProductService listings;

    @Inject
    NoticeService notices;

    @Inject
    Outbox outbox;

    @TestHTTPResource("/")
    URL base;

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void nightlyRunIngestAndApiFiguresAgreeWithTheAnalystSql() throws Exception {
        BenchScale scale = BenchScale.fromSystemProperty();
        LocalDate asOf = LocalDate.now(clock);
        results.put("scale", scale.name().toLowerCase());
        results.put("cores", Runtime.getRuntime().availableProcessors());
        generate(scale, asOf);

        Selection run = null;
        List<Double> dry = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            long id = runner.run(asOf, true, CleanupRunner.Trigger.MANUAL, "bench");
            dry.add(seconds(start));
            run = selectionOf(id);
        }
        results.put("dryRunSeconds", median(dry));

        Selection analyst = null;
        List<Double> sql = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            analyst = analystSql(asOf);
            sql.add(seconds(start));
        }
        results.put("analystSqlSeconds", median(sql));
        results.put("zeroSalesSuppliers", run.suppliers().size());
        results.put("zeroVolumeListings", run.listings().size());
        boolean agree = run.equals(analyst);
        results.put("resultsMatchAnalystSql", agree);

        List<Double> real = new ArrayList<>();
        boolean realStatements = resetStatementStatistics();
        Map<String, Long> seqBefore = sequentialReads();
        long events = 0;
        for (int i = 0; i < REPEATS; i++) {
            long eventsBefore = lastEventPosition();
            long start = System.nanoTime();
            CpuMeter realCpu = CpuMeter.start();
            long id = runner.run(asOf, false, CleanupRunner.Trigger.MANUAL, "bench");
            real.add(seconds(start));
            realCpu.stop(results, "realRun");
            assertEquals(run, selectionOf(id), "the real run acts on what the dry run found");
            events = count("select count(*) from event where position > " + eventsBefore);
            undoRealRun(id, eventsBefore);
        }
        results.put("realRunSeconds", median(real));
        results.put("realRunAllSeconds", real);
        results.put("realRunEvents", events);
        // What the outbox adds to a night: the same real runs with the events left unwritten.
        Outbox writing = io.quarkus.arc.ClientProxy.unwrap(outbox);
        QuarkusMock.installMockForType(new Outbox(null, null, null) {
            @Override
            public void publish(EventType type, String subjectKind, Object subjectId, Object data) {
            }

            @Override
            public void publishAll(Collection<Event> unwritten) {
            }
        }, Outbox.class);
        List<Double> silent = new ArrayList<>();
        try {
            for (int i = 0; i < REPEATS; i++) {
                long eventsBefore = lastEventPosition();
                long start = System.nanoTime();
                long id = runner.run(asOf, false, CleanupRunner.Trigger.MANUAL, "bench");
                silent.add(seconds(start));
                assertEquals(eventsBefore, lastEventPosition(), "no events written with the outbox silenced");
                undoRealRun(id, eventsBefore);
            }
        } finally {
            QuarkusMock.installMockForType(writing, Outbox.class);
        }
        results.put("realRunWithoutEventsSeconds", median(silent));
        results.put("eventsAddToRealRunPercent", Math.round(100 * (median(real) - median(silent)) / median(silent)));
        webhookDelivery(asOf);
        if (realStatements) {
            results.put("realRunTopStatements", topStatements(8));
        }
        Map<String, Long> seqAfter = sequentialReads();
        Map<String, Long> seqDelta = new TreeMap<>();
        seqAfter.forEach((table, rows) -> {
            long delta = rows - seqBefore.getOrDefault(table, 0L);
            if (delta > 0) {
                seqDelta.put(table, delta);
            }
        });
        results.put("realRunRowsReadBySequentialScans", seqDelta);

        String officer = Api.officerToken();
        String orders = orderSystemToken(officer);
        // The real runs and their undoing left dead rows behind: clean them up now, as autovacuum would
        // in the hours after a night, rather than in the middle of the latency measurement.
        vacuum();
        checkpoint();
        ingest(scale, orders);
        vacuum();
        checkpoint();
        // Warm-up at the same rate, unmeasured, long enough for the JIT to finish compiling both paths
        // (a 3-second warm-up left C2 compiling through the measured window, a core of it).
        openLoop(scale, officer, orders, "BENCH-W-", Math.max(2, Math.min(20, scale.loadSeconds)));
        boolean statements = resetStatementStatistics();
        CpuMeter cpu = CpuMeter.start();
        Map<String, List<Double>> measured = openLoop(scale, officer, orders, "BENCH-L-", scale.loadSeconds);
        cpu.stop(results, "load");
        if (statements) {
            results.put("loadTopStatements", topStatements(8));
        }
        results.put("loadRequestsPerSecond", scale.requestsPerSecond);
        results.put("loadSeconds", scale.loadSeconds);
        results.put("searchP50Millis", percentile(measured.get("search"), 50));
        results.put("searchP99Millis", percentile(measured.get("search"), 99));
        results.put("saleP50Millis", percentile(measured.get("sale"), 50));
        results.put("saleP99Millis", percentile(measured.get("sale"), 99));

        LocalDate lastNight = steadyNights(scale, asOf, orders);
        pageLatencies();

        // -Dbench.grow=false skips the fourfold ledger (most of a province run) to re-measure the rest quickly.
        if (Boolean.parseBoolean(System.getProperty("bench.grow", "true"))) {
            List<Double> dryBefore = new ArrayList<>();
            Selection before = null;
            for (int i = 0; i < REPEATS; i++) {
                long start = System.nanoTime();
                before = selectionOf(runner.run(lastNight, true, CleanupRunner.Trigger.MANUAL, "bench"));
                dryBefore.add(seconds(start));
            }
            growLedgerFourfold(asOf);
            List<Double> dry4x = new ArrayList<>();
            Selection grown = null;
            for (int i = 0; i < REPEATS; i++) {
                long start = System.nanoTime();
                grown = selectionOf(runner.run(lastNight, true, CleanupRunner.Trigger.MANUAL, "bench"));
                dry4x.add(seconds(start));
            }
            results.put("dryRunAfterNightsSeconds", median(dryBefore));
            results.put("dryRun4xSeconds", median(dry4x));
            results.put("dryRun4xRatio", round(median(dry4x) / median(dryBefore)));
            assertEquals(before, grown, "growing the ledger with older sales changes nobody's outcome");
        }
        clock.reset();

        results.put("indexScans", indexScans());
        write();
        assertTrue(agree, "the nightly run finds exactly what the analyst SQL finds");
        for (String figure : List.of("dryRunSeconds", "realRunSeconds", "analystSqlSeconds", "ingestLinesPerSecond",
                "copyLinesPerSecond", "searchP99Millis", "saleP99Millis")) {
            assertTrue(((Number) results.get(figure)).doubleValue() > 0, figure + " is measured");
        }
        if (results.containsKey("dryRun4xSeconds")) {
            assertTrue(((Number) results.get("dryRun4xSeconds")).doubleValue() > 0, "dryRun4xSeconds is measured");
        }
    }

    private void generate(BenchScale scale, LocalDate asOf) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            DemoDataGenerator.Summary summary = new DemoDataGenerator().generate(c, new DemoDataSpec(DemoDataSpec.DEFAULT_SEED,
                    scale.suppliers, scale.listingsPerSupplier, scale.ledgerLines, asOf));
            results.put("suppliers", summary.suppliers());
            results.put("listings", summary.listings());
            results.put("ledgerLines", summary.ledgerLines());
        }
        vacuum();
        results.put("generateSeconds", seconds(start));
    }

    /** Writes dirty pages out now, so that a checkpoint does not land in the middle of a measurement. */
    private void checkpoint() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("checkpoint");
        }
    }

    /** What autovacuum does on a live system: visibility maps for index-only scans, fresh statistics. */
    private void vacuum() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("vacuum analyze");
        }
    }

    /** The subjects a run acted on: suppliers given a delisting notice, listings taken down. */
    record Selection(Set<Long> suppliers, Set<Long> listings) {
    }

    private Selection selectionOf(long runId) throws SQLException {
        return new Selection(ids("select supplier_id from cleanup_action where run_id = ? and rule = 'ZERO_SALES_SUPPLIER'", runId),
                ids("select product_id from cleanup_action where run_id = ? and rule = 'ZERO_VOLUME_PRODUCT'", runId));
    }

    /** The same questions as an analyst would ask them: sum the ledger per supplier and per listing, GROUP BY. */
    private Selection analystSql(LocalDate asOf) throws SQLException {
        Set<Long> suppliers = ids("""
                select s.id from supplier s
                left join (select l.supplier_id, sum(l.amount) as net from sale_line l
                           left join sale_line o on o.id = l.refers_to
                           where coalesce(o.occurred_on, l.occurred_on) between ? and ?
                           group by l.supplier_id) n on n.supplier_id = s.id
                where s.status = 'ACTIVE' and s.admitted_on <= ? and coalesce(n.net, 0) = 0
                and not exists (select 1 from notice d where d.supplier_id = s.id and d.kind = 'DELISTING'
                                and d.status in ('OPEN', 'APPEALED', 'APPEAL_REJECTED'))
                """, asOf.minusYears(2), asOf.minusDays(1), asOf.minusYears(2));
        Set<Long> listings = ids("""
                select p.id from product p join supplier s on s.id = p.supplier_id and s.status = 'ACTIVE'
                left join (select l.product_id, sum(l.quantity) as net from sale_line l
                           left join sale_line o on o.id = l.refers_to
                           where coalesce(o.occurred_on, l.occurred_on) between ? and ?
                           group by l.product_id) n on n.product_id = p.id
                where p.status = 'LISTED' and p.listed_on <= ? and coalesce(n.net, 0) = 0
                """, asOf.minusMonths(12), asOf.minusDays(1), asOf.minusMonths(12));
        return new Selection(suppliers, listings);
    }

    private long lastEventPosition() throws SQLException {
        return count("select coalesce(max(position), 0) from event");
    }

    /**
     * How long the outbox takes to hand a night's events to a receiver: one more real run, with a receiver on
     * 127.0.0.1 subscribed to every type, timed from the run's end until the receiver has had them all, or
     * until {@code bench.webhook-seconds} (300) have passed, with the count by then.
     */
    private void webhookDelivery(LocalDate asOf) throws Exception {
        String officer = Api.officerToken();
        long limit = Long.getLong("bench.webhook-seconds", 300);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            long webhook = ((Number) Api.as(officer).body(Map.of("url", receiver.url(), "description", "bench",
                            "events", java.util.Arrays.stream(EventType.values()).map(EventType::wire).toList()))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id")).longValue();
            long eventsBefore = lastEventPosition();
            long id = runner.run(asOf, false, CleanupRunner.Trigger.MANUAL, "bench");
            long ran = System.nanoTime();
            long events = count("select count(*) from event where position > " + eventsBefore);
            long deadline = ran + TimeUnit.SECONDS.toNanos(limit);
            while (receiver.count() < events && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            double took = seconds(ran);
            long delivered = receiver.count();
            results.put("webhookEvents", events);
            results.put("webhookDelivered", delivered);
            results.put("webhookSeconds", round(took));
            results.put("webhookEventsPerSecond", Math.round(delivered / took));
            Api.as(officer).delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
            sql("delete from webhook_delivery where webhook_id = ?", webhook);
            undoRealRun(id, eventsBefore);
        }
    }

    /**
     * Puts the data back as it was before a real run, so that the next repetition does the same work:
     * first waits until the outbox's consumers (e-mail, webhooks) have taken the run's events, so that
     * none of them writes a delivery for a notice deleted under it, then removes the run's effects, its
     * events (after {@code eventsAfter}) and the e-mail composed from them. Nothing in the service deletes
     * notices or runs, so no index serves the foreign-key checks such deletes would make; this connection
     * skips them (session_replication_role) after deleting the run's actions, the only rows that refer to
     * its notices.
     */
    private void undoRealRun(long runId, long eventsAfter) throws SQLException, InterruptedException {
        long last = lastEventPosition();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (count("select count(*) from event_consumer where position < " + last) > 0 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try {
                try (PreparedStatement p = c.prepareStatement("delete from mail_delivery where event_id in "
                        + "(select id from event where position > ?)")) {
                    p.setLong(1, eventsAfter);
                    p.executeUpdate();
                }
                for (String sql : List.of("delete from cleanup_action where run_id = ?",
                        "update product set status = 'LISTED', taken_down_on = null, takedown_reason = null where id in "
                                + "(select product_id from notice where run_id = ? and kind = 'RECTIFICATION')",
                        "delete from notice where run_id = ?", "delete from cleanup_run where id = ?")) {
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        p.setLong(1, runId);
                        p.executeUpdate();
                    }
                }
                try (PreparedStatement p = c.prepareStatement("delete from event where position > ?")) {
                    p.setLong(1, eventsAfter);
                    p.executeUpdate();
                }
            } finally {
                s.execute("reset session_replication_role");
            }
        }
    }

    /**
     * About four times the ledger, suppliers and listings unchanged: three copies of every sale (and
     * its returns) one, two and three weeks earlier, but never before the supplier's admission or the
     * listing's date, of the history before the run date (not of today's ingested lines). Older sales
     * only: nobody's outcome changes, only the work behind it.
     */
    private void growLedgerFourfold(LocalDate asOf) throws SQLException {
        long start = System.nanoTime();
        sql("""
                insert into sale_line (order_no, line_no, supplier_id, product_id, buyer, quantity, unit_price, amount,
                                       occurred_at, occurred_on, refers_to, recorded_at)
                select l.order_no || '-G' || g, l.line_no, l.supplier_id, l.product_id, l.buyer, l.quantity, l.unit_price,
                       l.amount, l.occurred_at - make_interval(days => 7 * g), l.occurred_on - 7 * g, null, l.recorded_at
                from sale_line l join supplier s on s.id = l.supplier_id join product p on p.id = l.product_id
                cross join generate_series(1, 3) g
                where l.refers_to is null and l.occurred_on < ? and l.occurred_on - 7 * g >= greatest(s.admitted_on, p.listed_on)
                """, asOf);
        sql("""
                insert into sale_line (order_no, line_no, supplier_id, product_id, buyer, quantity, unit_price, amount,
                                       occurred_at, occurred_on, refers_to, recorded_at)
                select r.order_no || '-G' || g, r.line_no, r.supplier_id, r.product_id, r.buyer, r.quantity, r.unit_price,
                       r.amount, r.occurred_at - make_interval(days => 7 * g), r.occurred_on - 7 * g, c.id, r.recorded_at
                from sale_line r join sale_line o on o.id = r.refers_to cross join generate_series(1, 3) g
                join sale_line c on c.order_no = o.order_no || '-G' || g and c.line_no = o.line_no
                where r.refers_to is not null and r.order_no not like '%-G_' and o.occurred_on < ?
                """, asOf);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate sales_daily");
            DemoDataGenerator.fillSalesDaily(c);
        }
        vacuum();
        results.put("ledgerLines4x", count("select count(*) from sale_line"));
        results.put("growSeconds", seconds(start));
    }

    private String orderSystemToken(String officer) {
        Api.as(officer).body(Map.of("username", "bench-orders", "password", "bench-orders-pw", "role", "ORDER_SYSTEM"))
                .post("/api/v1/accounts").then().statusCode(201);
        return Api.token("bench-orders", "bench-orders-pw");
    }

    /** Sales lines for active suppliers' listed products, dated a minute ago. */
    private List<Map<String, Object>> newLines(String prefix, int n) throws SQLException {
        List<long[]> products = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select p.id, p.supplier_id, p.price from product p join supplier s on s.id = p.supplier_id "
                     + "where s.status = 'ACTIVE' and p.status = 'LISTED' order by p.id limit 5000")) {
            while (rs.next()) {
                products.add(new long[] {rs.getLong(1), rs.getLong(2)});
                prices.add(rs.getBigDecimal(3).toPlainString());
            }
        }
        String at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8)).minusMinutes(1).toString();
        List<Map<String, Object>> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int p = i % products.size();
            int quantity = 1 + i % 5;
            java.math.BigDecimal price = new java.math.BigDecimal(prices.get(p));
            lines.add(Map.of("orderNo", prefix + (i / 10), "lineNo", 1 + i % 10, "supplierId", products.get(p)[1],
                    "productId", products.get(p)[0], "buyer", "呼和浩特市政务服务局", "quantity", quantity,
                    "unitPrice", price.toPlainString(),
                    "amount", price.multiply(java.math.BigDecimal.valueOf(quantity)).toPlainString(), "occurredAt", at));
        }
        return lines;
    }

    /**
     * Batch ingest over HTTP from four clients, against COPY of the same lines into a copy of the table.
     * Three times as many lines go first, unmeasured, in three passes: on two cores the JIT compiles
     * the path for a good minute (a compiler thread busy through a first pass, measured with
     * {@code ingestJitCompileMillis}), and the rate climbs from pass to pass. The first pass's rate
     * is reported as the cold figure, and every pass's too.
     */
    private void ingest(BenchScale scale, String orders) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> warmUpRates = new ArrayList<>();
        for (int pass = 0; pass < INGEST_WARM_UP_PASSES; pass++) {
            List<Map<String, Object>> warmUp = newLines("BENCH-IW" + pass + "-", scale.ingestLines);
            List<String> warmUpBodies = batchBodies(warmUp);
            long passStart = System.nanoTime();
            sendBatches(http, orders, warmUpBodies, warmUp.size());
            warmUpRates.add(Math.round(warmUp.size() / seconds(passStart)));
        }
        results.put("ingestColdLinesPerSecond", warmUpRates.get(0));
        results.put("ingestWarmUpLinesPerSecond", warmUpRates);

        List<Map<String, Object>> lines = newLines("BENCH-I-", scale.ingestLines);
        List<String> bodies = batchBodies(lines);
        boolean statements = resetStatementStatistics();
        CpuMeter cpu = CpuMeter.start();
        long start = System.nanoTime();
        sendBatches(http, orders, bodies, lines.size());
        double httpSeconds = seconds(start);
        cpu.stop(results, "ingest");
        results.put("ingestLines", lines.size());
        results.put("ingestLinesPerSecond", Math.round(lines.size() / httpSeconds));

        StringBuilder csv = new StringBuilder();
        for (Map<String, Object> line : lines) {
            csv.append(line.get("orderNo")).append("-C\t").append(line.get("lineNo")).append('\t').append(line.get("supplierId"))
                    .append('\t').append(line.get("productId")).append('\t').append(line.get("buyer")).append('\t')
                    .append(line.get("quantity")).append('\t').append(line.get("unitPrice")).append('\t').append(line.get("amount"))
                    .append('\t').append(line.get("occurredAt")).append('\t').append(LocalDate.now(clock)).append('\t')
                    .append(line.get("occurredAt")).append('\n');
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_copy (like sale_line including defaults including constraints including indexes)");
            long copyStart = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy (order_no, line_no, supplier_id, product_id, buyer, "
                    + "quantity, unit_price, amount, occurred_at, occurred_on, recorded_at) from stdin", new StringReader(csv.toString()));
            results.put("copyLinesPerSecond", Math.round(lines.size() / seconds(copyStart)));
            s.execute("drop table bench_copy");
        }
        if (statements) {
            results.put("ingestTopStatements", topStatements(6));
        }
        results.put("ingestVsCopyRatio", round(((Number) results.get("copyLinesPerSecond")).doubleValue()
                / ((Number) results.get("ingestLinesPerSecond")).doubleValue()));
    }

    /**
     * Sends the batches (1,000 lines each) from four client threads and checks that every line was
     * created. The client reads the counts at the head of each answer, as an order system would
     * before looking into the per-line results of a batch with refusals.
     */
    private void sendBatches(HttpClient http, String orders, List<String> bodies, int lines) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicInteger created = new AtomicInteger();
        List<Future<?>> sent = new ArrayList<>();
        for (String body : bodies) {
            sent.add(clients.submit(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/sales/batch"))
                        .header("Authorization", "Bearer " + orders).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                created.addAndGet(createdCount(response.body()));
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        clients.shutdown();
        assertEquals(lines, created.get(), "every line stored once");
    }

    private List<String> batchBodies(List<Map<String, Object>> lines) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += 1000) {
            bodies.add(json.writeValueAsString(lines.subList(from, Math.min(lines.size(), from + 1000))));
        }
        return bodies;
    }

    /** The batch answer's "created", read from its head without parsing the per-line results after it. */
    private int createdCount(String batchAnswer) throws java.io.IOException {
        try (com.fasterxml.jackson.core.JsonParser parser = json.getFactory().createParser(batchAnswer)) {
            for (com.fasterxml.jackson.core.JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && parser.getParsingContext().getParent().inRoot()) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if ("created".equals(field)) {
                        return parser.getIntValue();
                    }
                    parser.skipChildren();
                }
            }
        }
        throw new AssertionError("no created count in " + batchAnswer.substring(0, Math.min(200, batchAnswer.length())));
    }

    /**
     * An open-loop load: requests start on a fixed schedule whatever the answers take; latency counts
     * from the schedule. Run once unmeasured first, so that the JIT has compiled both paths.
     */
    private Map<String, List<Double>> openLoop(BenchScale scale, String officer, String orders, String prefix, int seconds)
            throws Exception {
        List<String> categories = new ArrayList<>(strings("select code from category order by code"));
        List<Map<String, Object>> sales = newLines(prefix, scale.requestsPerSecond * seconds);
        // A fixed pool for the client's completions: on two cores the default would start a thread
        // per completion (CompletableFuture falls back to thread-per-task below two-way parallelism).
        ExecutorService completions = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(completions).build();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<Double> search = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> sale = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger tick = new AtomicInteger();
        int total = scale.requestsPerSecond * seconds;
        CountDownLatch answered = new CountDownLatch(total);
        long periodNanos = 1_000_000_000L / scale.requestsPerSecond;
        long origin = System.nanoTime() + 50_000_000L;
        ticker.scheduleAtFixedRate(() -> {
            int i = tick.getAndIncrement();
            if (i >= total) {
                return;
            }
            long scheduled = origin + i * periodNanos;
            HttpRequest request;
            try {
                request = i % 2 == 0
                        ? HttpRequest.newBuilder(uri("/api/v1/products?categoryCode=" + categories.get(i / 2 % categories.size())
                        + "&status=LISTED&size=20&page=" + (i / 2 % 50))).header("Authorization", "Bearer " + officer).GET().build()
                        : HttpRequest.newBuilder(uri("/api/v1/sales")).header("Authorization", "Bearer " + orders)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(sales.get(i)))).build();
            } catch (Exception e) {
                failures.incrementAndGet();
                answered.countDown();
                return;
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() >= 300) {
                    failures.incrementAndGet();
                } else {
                    (i % 2 == 0 ? search : sale).add((System.nanoTime() - scheduled) / 1e6);
                }
                answered.countDown();
            });
        }, 50_000_000L, periodNanos, TimeUnit.NANOSECONDS);
        boolean allAnswered = answered.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        completions.shutdown();
        assertTrue(allAnswered, "every request was answered");
        assertEquals(0, failures.get(), "no request failed under load");
        return Map.of("search", new ArrayList<>(search), "sale", new ArrayList<>(sale));
    }

    /**
     * The first real night, kept this time, and seven more after it, each after a day of trade
     * ({@link #dayOfTrade}); the clock is moved to each day and night. Reports each night's time and
     * their median, the figure an operator lives with. Answers the last night's date.
     */
    private LocalDate steadyNights(BenchScale scale, LocalDate asOf, String orders) throws Exception {
        long first = runner.run(asOf, false, CleanupRunner.Trigger.MANUAL, "bench");
        results.put("firstNightNotices", count("select count(*) from notice where run_id = " + first));
        List<Double> nights = new ArrayList<>();
        List<Long> actions = new ArrayList<>();
        java.time.ZoneId zone = clock.getZone();
        LocalDate night = asOf;
        for (int n = 1; n <= STEADY_NIGHTS; n++) {
            if (n > 1) {
                clock.moveTo(night.atTime(10, 0).atZone(zone).toInstant());
            }
            dayOfTrade(scale, n, orders);
            night = night.plusDays(1);
            clock.moveTo(night.atTime(1, 0).atZone(zone).toInstant());
            long start = System.nanoTime();
            long id = runner.run(night, false, CleanupRunner.Trigger.MANUAL, "bench");
            nights.add(seconds(start));
            actions.add(count("select count(*) from cleanup_action where run_id = " + id));
        }
        results.put("steadyNightSeconds", median(nights));
        results.put("steadyNightAllSeconds", nights);
        results.put("steadyNightActions", actions);
        return night;
    }

    /**
     * A day of trade between two nights, through the services that record it: new sales (a
     * thousandth of the ledger, through the order system's batch endpoint), relists and withdrawals
     * of listings the first night took down, appeals against its delisting notices filed on the first
     * day and decided on the second, and processing notices issued on the first day and mostly
     * answered on the next.
     */
    private void dayOfTrade(BenchScale scale, int day, String orders) throws Exception {
        String prefix = "BENCH-D" + day + "-";
        List<Map<String, Object>> sales = newLines(prefix, (int) Math.max(10, scale.ledgerLines / 1000));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String body : batchBodies(sales)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/api/v1/sales/batch"))
                    .header("Authorization", "Bearer " + orders).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        }
        int changes = Math.max(4, scale.suppliers / 100);
        List<Long> takenDown = new ArrayList<>(ids("select id from product where status = 'TAKEN_DOWN' order by id limit ?",
                changes + changes / 2));
        for (int i = 0; i < takenDown.size(); i++) {
            long id = takenDown.get(i);
            boolean relist = i < changes;
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    if (relist) {
                        listings.relist("bench-supplier", products.findById(id));
                    } else {
                        listings.withdraw("bench-supplier", products.findById(id));
                    }
                } catch (ProblemException refused) {
                    listings.withdraw("bench-supplier", products.findById(id));
                }
            });
        }
        int appeals = Math.max(2, scale.suppliers / 400);
        if (day == 1) {
            for (long notice : ids("select id from notice where kind = 'DELISTING' and status = 'OPEN' order by id limit ?", appeals)) {
                notices.appeal("bench-supplier", notices.get(notice), "本公司在统计期内有未登记的成交记录。", List.of());
            }
            for (long supplier : ids("select id from supplier where status = 'ACTIVE' order by id limit ?", appeals * 2)) {
                notices.issueProcessing("bench-officer", supplier, "请核实报价", "请于期限内核实并说明商品报价情况。", 5);
            }
        } else if (day == 2) {
            int i = 0;
            for (long appeal : ids("select id from appeal where status = 'PENDING' order by id")) {
                notices.decide("bench-officer", appeal, i++ % 2 == 0 ? NoticeService.AppealDecision.ACCEPT
                        : NoticeService.AppealDecision.REJECT, "经核查，结论如下。");
            }
            List<Long> open = new ArrayList<>(ids("select id from notice where kind = 'PROCESSING' and status = 'OPEN' order by id"));
            for (long notice : open.subList(0, open.size() * 2 / 3)) {
                notices.respond("bench-supplier", notices.get(notice), "已核实，报价无误。", List.of());
            }
        }
    }

    /**
     * How long each kind of web page takes at this scale, after the nights have left their notices on
     * the board: {@value #PAGE_WARM_UP} unmeasured requests and then {@value #PAGE_REQUESTS} measured
     * ones per kind, one after another (a reader's click, not a load), each URL varied so that no
     * page is served from a single warm row. The 95th percentile is the figure BENCHMARKS.md holds
     * to 200 ms.
     */
    private void pageLatencies() throws Exception {
        List<String> notices = strings("select id::text from notice where kind = 'DELISTING' order by id limit 200");
        List<String> names = strings("select substr(s.name, 1, 2) from notice n join supplier s on s.id = n.supplier_id "
                + "where n.kind = 'DELISTING' order by n.id limit 50");
        long boardPages = Math.max(1, notices.size() / 20);
        Map<String, java.util.function.IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("board", i -> "/board?page=" + (1 + i % boardPages));
        assertTrue(!notices.isEmpty(), "the real run published delisting notices");
        kinds.put("boardSearch", i -> "/board?q=" + java.net.URLEncoder.encode(names.get(i % names.size()),
                java.nio.charset.StandardCharsets.UTF_8));
        kinds.put("boardNotice", i -> "/board/" + notices.get(i % notices.size()));
        kinds.put("boardFeed", i -> "/board/feed.atom?page=" + (1 + i % boardPages));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> suppliers = strings("select id::text from supplier order by id desc limit 200");
        kinds.put("consoleDashboard", i -> "/console");
        kinds.put("consoleApplications", i -> "/console/applications?status=&page=" + i % 5);
        kinds.put("consoleSupplierSearch", i -> "/console/suppliers?q=" + java.net.URLEncoder.encode(names.get(i % names.size()),
                java.nio.charset.StandardCharsets.UTF_8));
        kinds.put("consoleSupplier", i -> "/console/suppliers/" + suppliers.get(i % suppliers.size()));
        kinds.put("consoleAudit", i -> "/console/audit?page=" + i % 5);
        List<String> biggest = strings("select run_id::text from cleanup_action group by run_id order by count(*) desc limit 1");
        assertTrue(!biggest.isEmpty(), "the nights took actions");
        String run = biggest.get(0);
        List<String> cursors = strings("select id::text from (select id, row_number() over (order by id) as n from cleanup_action "
                + "where run_id = " + run + ") a where n % 997 = 0 order by id limit 100");
        List<String> codes = strings("select s.credit_code from cleanup_action a join supplier s on s.id = a.supplier_id "
                + "where a.run_id = " + run + " order by a.id desc limit 50");
        List<String> appeals = strings("select id::text from appeal order by id desc limit 50");
        kinds.put("consoleRuns", i -> "/console/runs");
        kinds.put("consoleRun", i -> "/console/runs/" + run + (cursors.isEmpty() || i % 4 == 0 ? "" : "?after=" + cursors.get(i % cursors.size())));
        kinds.put("consoleRunByRule", i -> "/console/runs/" + run + "?rule=" + (i % 2 == 0 ? "OVERDUE_NOTICE" : "ZERO_SALES_SUPPLIER"));
        kinds.put("consoleRunByCreditCode", i -> "/console/runs/" + run + "?creditCode=" + codes.get(i % codes.size()));
        kinds.put("consoleAppeals", i -> "/console/appeals?status=&page=" + i % 3);
        if (!appeals.isEmpty()) {
            kinds.put("consoleAppeal", i -> "/console/appeals/" + appeals.get(i % appeals.size()));
        }
        kinds.put("consoleNotices", i -> "/console/notices?page=" + i % 5);
        kinds.put("consoleCalendar", i -> "/console/calendar?year=" + (2023 + i % 4));
        kinds.put("consoleCategories", i -> "/console/categories");
        String session = consoleSession(http);
        Map<String, Object> p95 = new LinkedHashMap<>();
        Map<String, Object> p50 = new LinkedHashMap<>();
        for (Map.Entry<String, java.util.function.IntFunction<String>> kind : kinds.entrySet()) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < PAGE_WARM_UP + PAGE_REQUESTS; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(uri(kind.getValue().apply(i)))
                        .header("Cookie", "emall_console=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                double took = (System.nanoTime() - start) / 1e6;
                assertEquals(200, page.statusCode(), kind.getKey() + " answers 200");
                if (i >= PAGE_WARM_UP) {
                    millis.add(took);
                }
            }
            p95.put(kind.getKey(), percentile(millis, 95));
            p50.put(kind.getKey(), percentile(millis, 50));
        }
        results.put("pageP95Millis", p95);
        results.put("pageP50Millis", p50);
    }

    /** Signs in to the officers' console through its form, as a browser does; answers the session cookie's value. */
    private String consoleSession(HttpClient http) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/console/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String nonce = cookie(form, "emall_console_signin");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(token.find(), "the sign-in form carries its token");
        String body = "username=" + Api.OFFICER + "&password=" + Api.OFFICER_PASSWORD + "&next=%2Fconsole&_csrf="
                + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "emall_console_signin=" + nonce)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), "the officer signs in to the console");
        return cookie(signedIn, "emall_console");
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    /**
     * Where the load's time goes in PostgreSQL: pg_stat_statements, when the server preloads it (the
     * bench profile starts its database so, {@code -Dpg.statements=true}); reset before the load.
     */
    private boolean resetStatementStatistics() throws SQLException {
        if (!Boolean.getBoolean("pg.statements")) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
        }
        return true;
    }

    /** Rows read by sequential scans so far, per table (pg_stat_user_tables). */
    private Map<String, Long> sequentialReads() throws SQLException {
        Map<String, Long> reads = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select relname, seq_tup_read from pg_stat_user_tables")) {
            while (rs.next()) {
                reads.put(rs.getString(1), rs.getLong(2));
            }
        }
        return reads;
    }

    /** How often each index of the main tables was used over the whole benchmark: an unused one only costs writes. */
    private Map<String, Long> indexScans() throws SQLException {
        Map<String, Long> scans = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select indexrelname, idx_scan from pg_stat_user_indexes where relname in "
                     + "('supplier', 'product', 'sale_line', 'sales_daily', 'notice', 'cleanup_action', 'audit_entry')")) {
            while (rs.next()) {
                scans.put(rs.getString(1), rs.getLong(2));
            }
        }
        return scans;
    }

    private List<String> topStatements(int limit) throws SQLException {
        List<String> top = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3), rows, "
                        + "regexp_replace(query, '\\s+', ' ', 'g'), shared_blks_hit + shared_blks_read, wal_bytes from pg_stat_statements "
                        + "order by total_exec_time desc limit " + limit)) {
            while (rs.next()) {
                String query = rs.getString(5);
                top.add(String.format("%d calls, %s ms in all, %s ms each, %d rows, %d blocks, %d WAL bytes: %s", rs.getLong(1),
                        rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4), rs.getLong(6), rs.getLong(7),
                        query.length() > 160 ? query.substring(0, 160) + "..." : query));
            }
        }
        return top;
    }

    /**
     * The CPU the machine and this JVM (service and client) used over a phase, from /proc/stat and the
     * JVM, and how much of the JVM's went to compiling code (JIT) and to collecting garbage.
     */
    private record CpuMeter(long[] machineStart, long jvmStartNanos, long wallStart, long jitStartMillis, long gcStartMillis) {

        static CpuMeter start() {
            return new CpuMeter(machineTicks(), jvmCpuNanos(), System.nanoTime(), jitMillis(), gcMillis());
        }

        void stop(Map<String, Object> results, String phase) {
            long[] end = machineTicks();
            double busy = end[0] - machineStart[0];
            double all = end[1] - machineStart[1];
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            if (all > 0) {
                results.put(phase + "MachineCpuPercent", Math.round(100 * busy / all));
            }
            results.put(phase + "JvmCpuPercentOfMachine", Math.round(100 * (jvmCpuNanos() - jvmStartNanos) / 1e9 / wallSeconds / cores));
            results.put(phase + "JitCompileMillis", jitMillis() - jitStartMillis);
            results.put(phase + "GcMillis", gcMillis() - gcStartMillis);
        }

        private static long jitMillis() {
            return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }

        private static long gcMillis() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        }

        /** {busy, total} jiffies of all CPUs. */
        private static long[] machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (Exception e) {
                return new long[] {0, 0};
            }
        }

        private static long jvmCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private void write() throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"), json.writeValueAsString(results));
        StringBuilder table = new StringBuilder("\nBenchmark results (" + results.get("scale") + ")\n");
        results.forEach((k, v) -> table.append(String.format("  %-24s %s%n", k, v)));
        LOG.warn(table);
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private Set<Long> ids(String sql, Object... parameters) throws SQLException {
        Set<Long> ids = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static double seconds(long startNanos) {
        return round((System.nanoTime() - startNanos) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return round(sorted.get(Math.max(0, index)));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
