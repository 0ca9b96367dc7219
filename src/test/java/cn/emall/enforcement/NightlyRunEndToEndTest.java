package cn.emall.enforcement;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.RealRuns;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly rules end to end on the sandbox clock. Each test sets up its own suppliers and runs
 * its own nights, in any order (see {@link #startWithNoRealRunOnRecord}).
 */
@QuarkusTest
class NightlyRunEndToEndTest {

    @Inject
    AgroalDataSource dataSource;

    private String officer;

    /** A supplier that sold one listing on 2022-05-01 and nothing since. */
    record Seller(Api.Admitted supplier, long product) {
    }

    /** Each test starts with no real run on record ({@link RealRuns}), so that it may tell its story in any order. */
    @BeforeEach
    void startWithNoRealRunOnRecord() throws SQLException {
        officer = Api.officerToken();
        RealRuns.forgetAll(dataSource);
    }

    @AfterEach
    void backToTheRealClock() {
        as(officer).delete("/api/v1/sandbox/clock").then().statusCode(200).body("moved", equalTo(false));
    }

    @Test
    void dryRunLooksAheadAndChangesNothing() {
        Api.Admitted idle = idleSupplierAdmittedIn2021(Api.category(officer));
        at("2023-12-31T09:00:00+08:00");
        Response dry = run(Map.of("asOf", "2024-01-01", "dryRun", true));
        dry.then().statusCode(201).body("dryRun", equalTo(true))
                .body("actions.findAll { it.rule == 'ZERO_SALES_SUPPLIER' }.supplierId", hasItem((int) idle.id()));
        as(idle.token()).get("/api/v1/notices").then().body("total", equalTo(0));
    }

    @Test
    void supplierWithNoSalesForTwoYearsGetsDelistingNotice() {
        String category = Api.category(officer);
        Api.Admitted idle = idleSupplierAdmittedIn2021(category);
        Seller seller = sellerWhoLastSoldIn2022(category);
        at("2024-01-01T01:00:00+08:00");
        Response report = run(Map.of("dryRun", false));
        report.then().statusCode(201).body("asOf", equalTo("2024-01-01")).body("dryRun", equalTo(false))
                .body("trigger", equalTo("MANUAL"));
        List<Map<String, Object>> actions = report.jsonPath().getList("actions");
        Map<String, Object> notice = actions.stream()
                .filter(action -> "ZERO_SALES_SUPPLIER".equals(action.get("rule")) && supplierOf(action) == idle.id())
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = (Map<String, Object>) notice.get("evidence");
        assertEquals("2022-01-01", evidence.get("windowFrom"));
        assertEquals("2023-12-31", evidence.get("windowTo"));
        assertEquals("2024-01-04", notice.get("deadline"), "New Year's Day is a holiday: Jan 2, 3, 4");
        assertTrue(actions.stream().noneMatch(action -> "ZERO_SALES_SUPPLIER".equals(action.get("rule"))
                && supplierOf(action) == seller.supplier().id()), "a supplier that sold in the window is kept");
        assertTrue(actions.stream().anyMatch(action -> "ZERO_VOLUME_PRODUCT".equals(action.get("rule"))
                && ((Number) action.get("productId")).longValue() == seller.product()), "its listing sold nothing in 2023");
        as(idle.token()).get("/api/v1/notices?kind=DELISTING").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].deadline", equalTo("2024-01-04")).body("items[0].status", equalTo("OPEN"));
        RestAssured.get("/api/v1/announcements?size=200").then().statusCode(200)
                .body("items.creditCode", hasItem(idle.creditCode()));
        as(seller.supplier().token()).get("/api/v1/products/" + seller.product()).then()
                .body("status", equalTo("TAKEN_DOWN"));
    }

    @Test
    void secondRealRunForTheSameDateIsRefused() {
        at("2024-01-01T01:00:00+08:00");
        run(Map.of("asOf", "2024-01-01", "dryRun", false)).then().statusCode(201);
        run(Map.of("asOf", "2024-01-01", "dryRun", false)).then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:already-ran"));
    }

    @Test
    void appealWithinTheWindowIsAcceptedAndTheSupplierKeepsTrading() {
        Api.Admitted appealed = idleSupplierAdmittedIn2021(Api.category(officer));
        at("2024-01-01T01:00:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201);
        appealAcceptedOn("2024-01-03T15:00:00+08:00", appealed);
    }

    @Test
    void appealAfterTheWindowIsRefusedWithTheDeadline() {
        Api.Admitted late = idleSupplierAdmittedIn2021(Api.category(officer));
        at("2024-01-01T01:00:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201);
        at("2024-01-05T00:30:00+08:00");
        as(late.token()).body(Map.of("reason", "申诉", "materials", List.of()))
                .post("/api/v1/notices/" + delistingNoticeOf(late) + "/appeal").then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:appeal-window-closed"))
                .body("deadline", equalTo("2024-01-04"));
    }

    @Test
    void lapsedNoticeTerminatesAtTheNextRunAndAcceptedAppealKeepsTrading() {
        String category = Api.category(officer);
        Api.Admitted terminated = idleSupplierAdmittedIn2021(category);
        Api.Admitted appealed = idleSupplierAdmittedIn2021(category);
        at("2024-01-01T01:00:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201);
        appealAcceptedOn("2024-01-03T15:00:00+08:00", appealed);
        at("2024-01-05T00:30:00+08:00");
        Response report = run(Map.of("dryRun", false));
        report.then().statusCode(201).body("asOf", equalTo("2024-01-05"));
        assertEquals(List.of(terminated.id()), suppliersActedOn(report, "LAPSED_NOTICE", terminated, appealed),
                "the notice left to lapse terminates its supplier; the one withdrawn on appeal does not");
        as(officer).get("/api/v1/suppliers/" + terminated.id()).then().body("status", equalTo("TERMINATED"))
                .body("terminatedOn", equalTo("2024-01-05"))
                .body("suspendedUntil", equalTo("2025-01-05"))
                .body("mayApplyFrom", equalTo("2025-01-06"));
        as(terminated.token()).get("/api/v1/products").then().body("items.status", hasItem("DELISTED"))
                .body("items.status", not(hasItem("LISTED")));
        as(officer).get("/api/v1/suppliers/" + appealed.id()).then().body("status", equalTo("ACTIVE"));
        as(Api.orderSystemToken()).body(Api.sale(Api.newOrderNo(), 1, terminated.id(), 1, 1, "1.00",
                        "2024-01-05T00:10:00+08:00"))
                .post("/api/v1/sales").then().statusCode(anyOf(equalTo(400), equalTo(409)));
    }

    @Test
    void rectificationNoticeIgnoredPastItsDeadlineCostsFivePointsOnce() {
        Seller seller = sellerWhoLastSoldIn2022(Api.category(officer));
        String token = seller.supplier().token();
        at("2024-01-01T01:00:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201);
        as(token).get("/api/v1/notices?kind=RECTIFICATION").then()
                .body("items[0].deadline", equalTo("2024-01-08"));
        at("2024-01-09T01:00:00+08:00");
        Response report = run(Map.of("dryRun", false));
        report.then().statusCode(201);
        assertEquals(List.of(seller.supplier().id()), suppliersActedOn(report, "OVERDUE_NOTICE", seller.supplier()));
        as(token).get("/api/v1/suppliers/" + seller.supplier().id() + "/credit").then().statusCode(200)
                .body("year", equalTo(2024)).body("score", equalTo(95)).body("entries[0].points", equalTo(-5));
        as(token).get("/api/v1/notices?kind=RECTIFICATION").then().body("items[0].status", equalTo("OVERDUE"))
                .body("items[0].orderedToCorrect", equalTo(true));
    }

    @Test
    void applicationDuringTheSuspensionIsRefusedWithTheFirstDayToApplyAgain() {
        Api.Admitted terminated = idleSupplierAdmittedIn2021(Api.category(officer));
        at("2024-01-01T01:00:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201);
        at("2024-01-05T00:30:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201);
        as(officer).get("/api/v1/suppliers/" + terminated.id()).then().body("status", equalTo("TERMINATED"));

        at("2024-06-01T10:00:00+08:00");
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(terminated.creditCode()))
                .post("/api/v1/supplier-applications").then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:suspended")).body("mayApplyFrom", equalTo("2025-01-06"));
        at("2025-01-05T23:00:00+08:00");
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(terminated.creditCode()))
                .post("/api/v1/supplier-applications").then().statusCode(409);
        at("2025-01-06T09:00:00+08:00");
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(terminated.creditCode()))
                .post("/api/v1/supplier-applications").then().statusCode(201).body("status", equalTo("PENDING"));
    }

    @Test
    void processingNoticeAnsweredOnItsDeadlineIsInTimeAndTheDayAfterIsLate() {
        at("2025-03-03T10:00:00+08:00");
        Api.Admitted prompt = Api.admittedSupplier(officer);
        Api.Admitted late = Api.admittedSupplier(officer);
        long promptNotice = issueProcessingNotice(prompt.id());
        long lateNotice = issueProcessingNotice(late.id());
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

    @Test
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
                .body("items.findAll { it.asOf == '" + "2025-04-01" + "' && !it.dryRun }.size()", equalTo(1));
    }

    @Test
    void runsOutOfDateOrderOrInTheFutureAreRefused() {
        at("2025-04-01T01:00:00+08:00");
        run(Map.of("dryRun", false)).then().statusCode(201);
        run(Map.of("asOf", "2025-03-20", "dryRun", false)).then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:out-of-order"));
        run(Map.of("asOf", "2025-04-02", "dryRun", false)).then().statusCode(400);
    }

    @Test
    void runBeyondTheYearsTheCalendarCanCountIsRefusedNamingTheDate() {
        run(Map.of("asOf", "2100-12-30", "dryRun", true)).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void reportDownloadsAsCsvWithBomAndAsXlsx() {
        Api.Admitted idle = idleSupplierAdmittedIn2021(Api.category(officer));
        at("2024-01-01T01:00:00+08:00");
        long id = ((Number) run(Map.of("dryRun", false)).then().statusCode(201).extract().path("id")).longValue();
        byte[] csv = as(officer).get("/api/v1/cleanup-runs/" + id + "/report.csv").then().statusCode(200)
                .extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("ZERO_SALES_SUPPLIER") && text.contains(idle.creditCode()));
        assertTrue(text.contains("呼和浩特市测试科技有限公司"), "Chinese names survive");
        byte[] xlsx = as(officer).get("/api/v1/cleanup-runs/" + id + "/report.xlsx").then().statusCode(200)
                .extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        as(Api.admittedSupplier(officer).token()).get("/api/v1/cleanup-runs/" + id).then().statusCode(403);
    }

    @Test
    void reportDownloadsAreInChineseUnlessEnglishIsAskedFor() throws Exception {
        Api.Admitted idle = idleSupplierAdmittedIn2021(Api.category(officer));
        at("2024-01-01T01:00:00+08:00");
        long id = ((Number) run(Map.of("dryRun", false)).then().statusCode(201).extract().path("id")).longValue();
        String path = "/api/v1/cleanup-runs/" + id + "/report";

        Response chinese = as(officer).get(path + ".csv");
        chinese.then().statusCode(200).header("Content-Language", "zh-CN");
        String text = new String(chinese.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF运行编号,考核基准日,试运行,规则,处理,供应商ID,供应商名称,统一社会信用代码,商品ID,商品,通知ID,"
                + "截止日期,依据\r\n"), text);
        String row = Arrays.stream(text.split("\r\n")).filter(line -> line.contains(idle.creditCode())).findFirst().orElseThrow();
        assertTrue(row.contains("考核期起：") && row.contains("考核期止：") && row.contains("入驻日期：2021-")
                && row.contains("净销售额：0.00") && row.contains("申诉截止日期："), row);
        assertTrue(!row.contains("windowFrom") && !row.contains("netSalesAmount"), "no JSON names: " + row);

        Response english = as(officer).header("Accept-Language", "en").get(path + ".csv");
        english.then().statusCode(200).header("Content-Language", "en");
        assertTrue(new String(english.asByteArray(), StandardCharsets.UTF_8).startsWith("\uFEFFrun,asOf,dryRun,rule,action,"));

        Response xlsx = as(officer).get(path + ".xlsx");
        xlsx.then().statusCode(200).header("Content-Language", "zh-CN");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.asByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertEquals("清理运行 " + id, sheet.getSheetName());
            assertEquals("运行编号", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("依据", sheet.getRow(0).getCell(12).getStringCellValue());
        }
    }

    @Test
    void runInterruptedAfterItStartedIsResumedByRunningItsDateAgain() throws Exception {
        at("2025-05-01T01:00:00+08:00");
        long interrupted;
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("insert into cleanup_run (as_of, dry_run, trigger, started_by, started_at, "
                     + "status) values ('" + "2025-05-01" + "', false, 'SCHEDULED', 'scheduler', now(), "
                     + "'RUNNING') returning id")) {
            rows.next();
            interrupted = rows.getLong(1);
        }
        run(Map.of("dryRun", false)).then().statusCode(201).body("id", equalTo((int) interrupted))
                .body("status", equalTo("COMPLETED"));
        run(Map.of("dryRun", false)).then().statusCode(409);
    }

    /** Moves the sandbox clock to the story's moment. */
    private void at(String storyMoment) {
        as(officer).body(Map.of("now", storyMoment)).put("/api/v1/sandbox/clock").then().statusCode(200);
    }

    private Response run(Map<String, Object> body) {
        return as(officer).body(body).post("/api/v1/cleanup-runs");
    }

    /** A supplier admitted on 2021-06-01 with one listing, which sells nothing. */
    private Api.Admitted idleSupplierAdmittedIn2021(String category) {
        at("2021-06-01T10:00:00+08:00");
        Api.Admitted supplier = Api.admittedSupplier(officer);
        Api.listProduct(supplier.token(), category);
        return supplier;
    }

    /** A supplier admitted on 2021-06-01 whose one listing sold two units on 2022-05-01. */
    private Seller sellerWhoLastSoldIn2022(String category) {
        at("2021-06-01T10:00:00+08:00");
        Api.Admitted supplier = Api.admittedSupplier(officer);
        long product = Api.listProduct(supplier.token(), category);
        at("2022-05-01T12:00:00+08:00");
        as(Api.orderSystemToken()).body(Api.sale(Api.newOrderNo(), 1, supplier.id(), product, 2, "3000.00",
                "2022-05-01T10:00:00+08:00")).post("/api/v1/sales").then().statusCode(201);
        return new Seller(supplier, product);
    }

    /** The supplier appeals its delisting notice at the story's moment, and an officer accepts. */
    private void appealAcceptedOn(String storyMoment, Api.Admitted supplier) {
        at(storyMoment);
        long notice = delistingNoticeOf(supplier);
        long appeal = ((Number) as(supplier.token()).body(Map.of("reason", "2023年有线下订单未录入",
                        "materials", List.of(Api.contract(supplier.token()))))
                .post("/api/v1/notices/" + notice + "/appeal").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id")).longValue();
        as(officer).body(Map.of("decision", "ACCEPT", "reason", "核实有销售业绩，系台账漏录"))
                .post("/api/v1/appeals/" + appeal + "/decision").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(supplier.token()).get("/api/v1/notices/" + notice).then().body("status", equalTo("WITHDRAWN"));
    }

    private long delistingNoticeOf(Api.Admitted supplier) {
        return ((Number) as(supplier.token()).get("/api/v1/notices?kind=DELISTING").then().statusCode(200)
                .extract().path("items[0].id")).longValue();
    }

    private long issueProcessingNotice(long supplierId) {
        return ((Number) as(officer).body(Map.of("supplierId", supplierId, "subject", "补充资质材料",
                        "body", "请补充2025年度资质材料", "workingDays", 1))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id")).longValue();
    }

    /**
     * The suppliers of this test that the run acted on under the rule, in id order. A run acts on
     * every supplier of the shared database; the test speaks only for its own.
     */
    private static List<Long> suppliersActedOn(Response report, String rule, Api.Admitted... own) {
        Set<Long> ids = Arrays.stream(own).map(Api.Admitted::id).collect(Collectors.toSet());
        List<Map<String, Object>> actions = report.jsonPath().getList("actions");
        return actions.stream().filter(action -> rule.equals(action.get("rule")))
                .map(NightlyRunEndToEndTest::supplierOf).filter(ids::contains).sorted().toList();
    }

    private static long supplierOf(Map<String, Object> action) {
        return ((Number) action.get("supplierId")).longValue();
    }
}
