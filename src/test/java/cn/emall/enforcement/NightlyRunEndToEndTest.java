package cn.emall.enforcement;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly rules end to end on the sandbox clock. Real runs go forward in date order and share
 * the test database, so every real run of the suite lives in this one ordered class.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRunEndToEndTest {

    static String officer;
    static String terminatedCode;
    static long terminated;
    static long appealed;
    static String appealedToken;
    static long unsold;
    static String unsoldToken;
    static long unsoldProduct;
    static String terminatedToken;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    @Order(0)
    void admitSuppliersIn2021() {
        officer = Api.officerToken();
        at("2021-06-01T10:00:00+08:00");
        String category = Api.category(officer);
        terminatedCode = Api.newCreditCode();
        terminated = Api.apply(terminatedCode);
        Api.approve(officer, terminated);
        terminatedToken = Api.token(terminatedCode, Api.SUPPLIER_PASSWORD);
        Api.listProduct(terminatedToken, category);

        String appealedCode = Api.newCreditCode();
        appealed = Api.apply(appealedCode);
        Api.approve(officer, appealed);
        appealedToken = Api.token(appealedCode, Api.SUPPLIER_PASSWORD);

        Api.Admitted seller = Api.admittedSupplier(officer);
        unsold = seller.id();
        unsoldToken = seller.token();
        unsoldProduct = Api.listProduct(unsoldToken, category);
        at("2022-05-01T12:00:00+08:00");
        as(Api.orderSystemToken()).body(Api.sale(Api.newOrderNo(), 1, unsold, unsoldProduct, 2, "3000.00",
                "2022-05-01T10:00:00+08:00")).post("/api/v1/sales").then().statusCode(201);
    }

    @Test
    @Order(13)
    void runInterruptedAfterItStartedIsResumedByRunningItsDateAgain() throws Exception {
        at("2025-05-01T01:00:00+08:00");
        long interrupted;
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("insert into cleanup_run (as_of, dry_run, trigger, started_by, started_at, status) "
                     + "values ('2025-05-01', false, 'SCHEDULED', 'scheduler', now(), 'RUNNING') returning id")) {
            rs.next();
            interrupted = rs.getLong(1);
        }
        run(Map.of("dryRun", false)).then().statusCode(201).body("id", equalTo((int) interrupted))
                .body("status", equalTo("COMPLETED"));
        run(Map.of("dryRun", false)).then().statusCode(409);
    }

    @Test
    @Order(99)
    void backToTheRealClock() {
        as(Api.officerToken()).delete("/api/v1/sandbox/clock").then().statusCode(200).body("moved", equalTo(false));
    }

    static void at(String now) {
        as(officer).body(Map.of("now", now)).put("/api/v1/sandbox/clock").then().statusCode(200);
    }

    static Response run(Map<String, Object> body) {
        return as(officer).body(body).post("/api/v1/cleanup-runs");
    }

    @Test
    @Order(1)
    void dryRunLooksAheadAndChangesNothing() {
        at("2023-12-31T09:00:00+08:00");
        Response dry = run(Map.of("asOf", "2024-01-01", "dryRun", true));
        dry.then().statusCode(201).body("dryRun", equalTo(true))
                .body("actions.findAll { it.rule == 'ZERO_SALES_SUPPLIER' }.supplierId", hasItem((int) terminated));
        as(terminatedToken).get("/api/v1/notices").then().body("total", equalTo(0));
    }

    @Test
    @Order(2)
    void supplierWithNoSalesForTwoYearsGetsDelistingNotice() {
        at("2024-01-01T01:00:00+08:00");
        Response report = run(Map.of("dryRun", false));
        report.then().statusCode(201).body("asOf", equalTo("2024-01-01")).body("dryRun", equalTo(false))
                .body("trigger", equalTo("MANUAL"));
        List<Map<String, Object>> actions = report.jsonPath().getList("actions");
        Map<String, Object> notice = actions.stream()
                .filter(a -> "ZERO_SALES_SUPPLIER".equals(a.get("rule")) && ((Number) a.get("supplierId")).longValue() == terminated)
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) notice.get("evidence");
        assertEquals("2022-01-01", evidence.get("windowFrom"));
        assertEquals("2023-12-31", evidence.get("windowTo"));
        assertEquals("2024-01-04", notice.get("deadline"), "New Year's Day is a holiday: Jan 2, 3, 4");
        assertTrue(actions.stream().noneMatch(a -> "ZERO_SALES_SUPPLIER".equals(a.get("rule"))
                && ((Number) a.get("supplierId")).longValue() == unsold), "a supplier that sold in the window is kept");
        assertTrue(actions.stream().anyMatch(a -> "ZERO_VOLUME_PRODUCT".equals(a.get("rule"))
                && ((Number) a.get("productId")).longValue() == unsoldProduct), "its listing sold nothing in 2023");
        as(terminatedToken).get("/api/v1/notices?kind=DELISTING").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].deadline", equalTo("2024-01-04")).body("items[0].status", equalTo("OPEN"));
        RestAssured.get("/api/v1/announcements?size=200").then().statusCode(200)
                .body("items.creditCode", hasItem(terminatedCode));
        as(unsoldToken).get("/api/v1/products/" + unsoldProduct).then().body("status", equalTo("TAKEN_DOWN"));
    }

    @Test
    @Order(3)
    void secondRealRunForTheSameDateIsRefused() {
        run(Map.of("asOf", "2024-01-01", "dryRun", false)).then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:already-ran"));
    }

    @Test
    @Order(4)
    void appealWithinTheWindowIsAcceptedAndTheSupplierKeepsTrading() {
        at("2024-01-03T15:00:00+08:00");
        long notice = ((Number) as(appealedToken).get("/api/v1/notices?kind=DELISTING").then().statusCode(200)
                .extract().path("items[0].id")).longValue();
        long appeal = ((Number) as(appealedToken).body(Map.of("reason", "2023年有线下订单未录入",
                        "materials", List.of(Map.of("kind", "CONTRACT", "documentRef", "doc://contract/2023-17"))))
                .post("/api/v1/notices/" + notice + "/appeal").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id")).longValue();
        as(officer).body(Map.of("decision", "ACCEPT", "reason", "核实有销售业绩，系台账漏录"))
                .post("/api/v1/appeals/" + appeal + "/decision").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(appealedToken).get("/api/v1/notices/" + notice).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    @Order(5)
    void appealAfterTheWindowIsRefusedWithTheDeadline() {
        at("2024-01-05T00:30:00+08:00");
        long notice = ((Number) as(terminatedToken).get("/api/v1/notices?kind=DELISTING").then()
                .extract().path("items[0].id")).longValue();
        as(terminatedToken).body(Map.of("reason", "申诉", "materials", List.of()))
                .post("/api/v1/notices/" + notice + "/appeal").then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:appeal-window-closed")).body("deadline", equalTo("2024-01-04"));
    }

    @Test
    @Order(6)
    void lapsedNoticeTerminatesAtTheNextRunAndAcceptedAppealKeepsTrading() {
        run(Map.of("dryRun", false)).then().statusCode(201).body("asOf", equalTo("2024-01-05"))
                .body("counts.LAPSED_NOTICE", equalTo(1));
        as(officer).get("/api/v1/suppliers/" + terminated).then().body("status", equalTo("TERMINATED"))
                .body("terminatedOn", equalTo("2024-01-05")).body("suspendedUntil", equalTo("2025-01-05"))
                .body("mayApplyFrom", equalTo("2025-01-06"));
        as(terminatedToken).get("/api/v1/products").then().body("items.status", hasItem("DELISTED"))
                .body("items.status", not(hasItem("LISTED")));
        as(officer).get("/api/v1/suppliers/" + appealed).then().body("status", equalTo("ACTIVE"));
        as(Api.orderSystemToken()).body(Api.sale(Api.newOrderNo(), 1, terminated, 1, 1, "1.00", "2024-01-05T00:10:00+08:00"))
                .post("/api/v1/sales").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(409)));
    }

    @Test
    @Order(7)
    void rectificationNoticeIgnoredPastItsDeadlineCostsFivePointsOnce() {
        as(unsoldToken).get("/api/v1/notices?kind=RECTIFICATION").then().body("items[0].deadline", equalTo("2024-01-08"));
        at("2024-01-09T01:00:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201).body("counts.OVERDUE_NOTICE", equalTo(1));
        as(unsoldToken).get("/api/v1/suppliers/" + unsold + "/credit").then().statusCode(200)
                .body("year", equalTo(2024)).body("score", equalTo(95)).body("entries[0].points", equalTo(-5));
        as(unsoldToken).get("/api/v1/notices?kind=RECTIFICATION").then().body("items[0].status", equalTo("OVERDUE"))
                .body("items[0].orderedToCorrect", equalTo(true));
    }

    @Test
    @Order(8)
    void applicationDuringTheSuspensionIsRefusedWithTheFirstDayToApplyAgain() {
        at("2024-06-01T10:00:00+08:00");
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(terminatedCode))
                .post("/api/v1/supplier-applications").then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:suspended")).body("mayApplyFrom", equalTo("2025-01-06"));
        at("2025-01-05T23:00:00+08:00");
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(terminatedCode))
                .post("/api/v1/supplier-applications").then().statusCode(409);
        at("2025-01-06T09:00:00+08:00");
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(terminatedCode))
                .post("/api/v1/supplier-applications").then().statusCode(201).body("status", equalTo("PENDING"));
    }

    @Test
    @Order(9)
    void processingNoticeAnsweredOnItsDeadlineIsInTimeAndTheDayAfterIsLate() {
        at("2025-03-03T10:00:00+08:00");
        Api.Admitted prompt = Api.admittedSupplier(officer);
        Api.Admitted late = Api.admittedSupplier(officer);
        long promptNotice = issue(prompt.id());
        long lateNotice = issue(late.id());
        as(prompt.token()).get("/api/v1/notices/" + promptNotice).then().body("deadline", equalTo("2025-03-04"));
        at("2025-03-04T23:59:00+08:00");
        as(prompt.token()).body(Map.of("message", "已按要求补充资质")).post("/api/v1/notices/" + promptNotice + "/response")
                .then().statusCode(200).body("status", equalTo("HANDLED"));
        at("2025-03-05T08:00:00+08:00");
        as(late.token()).body(Map.of("message", "迟到的答复")).post("/api/v1/notices/" + lateNotice + "/response")
                .then().statusCode(200);
        run(Map.of("dryRun", false)).then().statusCode(201);
        as(prompt.token()).get("/api/v1/suppliers/" + prompt.id() + "/credit").then().body("score", equalTo(100));
        as(late.token()).get("/api/v1/suppliers/" + late.id() + "/credit").then().body("score", equalTo(95));
        as(late.token()).get("/api/v1/suppliers/" + prompt.id() + "/credit").then().statusCode(404);
    }

    private static long issue(long supplierId) {
        return ((Number) as(officer).body(Map.of("supplierId", supplierId, "subject", "补充资质材料",
                        "body", "请补充2025年度资质材料", "workingDays", 1))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    @Order(10)
    void twoRealRunsForTheSameDateAtTheSameMomentTakeEffectOnce() throws Exception {
        at("2025-04-01T01:00:00+08:00");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return run(Map.of("dryRun", false)).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        statuses.sort(Integer::compareTo);
        assertEquals(List.of(201, 409), statuses);
        as(officer).get("/api/v1/cleanup-runs?size=200").then()
                .body("items.findAll { it.asOf == '2025-04-01' && !it.dryRun }.size()", equalTo(1));
    }

    @Test
    @Order(11)
    void runsOutOfDateOrderOrInTheFutureAreRefused() {
        run(Map.of("asOf", "2025-03-20", "dryRun", false)).then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:out-of-order"));
        run(Map.of("asOf", "2025-04-02", "dryRun", false)).then().statusCode(400);
    }

    @Test
    @Order(12)
    void reportDownloadsAsCsvWithBomAndAsXlsx() {
        long id = ((Number) as(officer).get("/api/v1/cleanup-runs?size=200").then().extract()
                .path("items.find { it.asOf == '2024-01-01' && !it.dryRun }.id")).longValue();
        byte[] csv = as(officer).get("/api/v1/cleanup-runs/" + id + "/report.csv").then().statusCode(200)
                .extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("ZERO_SALES_SUPPLIER") && text.contains(terminatedCode));
        assertTrue(text.contains("呼和浩特市测试科技有限公司"), "Chinese names survive");
        byte[] xlsx = as(officer).get("/api/v1/cleanup-runs/" + id + "/report.xlsx").then().statusCode(200)
                .extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        as(Api.admittedSupplier(officer).token()).get("/api/v1/cleanup-runs/" + id).then().statusCode(403);
    }
}
