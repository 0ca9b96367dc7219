package cn.emall.web.console;

import cn.emall.enforcement.run.CleanupRunner;
import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import cn.emall.testsupport.BoardStory.Delisted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's run pages over HTTP: the downloads are the API's (every action, CSV with BOM and an
 * XLSX that opens), the real run is offered and started exactly where the runner's own gate allows it,
 * and a run's actions page by keyset without gaps or repeats.
 */
@QuarkusTest
class ConsoleRunPagesTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CleanupRunner runner;

    private String officer;
    private String cookie;
    private String csrf;

    @BeforeEach
    void signIn() {
        officer = Api.officerToken();
        cookie = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
        csrf = ConsoleHttp.token(console().get("/console/runs").then().statusCode(200).extract().asString());
    }

    @AfterEach
    void backToTheRealClock() {
        BoardStory.backToTheRealClock(officer);
    }

    @Test
    void downloadsHoldEveryActionOfTheRunAsTheApiServesThem() throws Exception {
        BoardStory.delist(dataSource, officer, "锡林郭勒" + SEQUENCE.incrementAndGet() + "商贸有限公司");
        long run = preview("2024-01-08");
        long total = ((Number) as(officer).get("/api/v1/cleanup-runs/" + run).then().statusCode(200)
                .extract().path("actionsTotal")).longValue();
        assertTrue(total >= 1);

        Response csv = console().get("/console/runs/" + run + "/report.csv");
        assertEquals(200, csv.statusCode());
        assertEquals("text/csv;charset=UTF-8", csv.contentType().replace(" ", ""));
        assertEquals("attachment; filename=\"cleanup-run-" + run + ".csv\"", csv.header("Content-Disposition"));
        assertEquals("no-store", csv.header("Cache-Control"));
        byte[] bytes = csv.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 with BOM");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertEquals(total + 1, text.lines().count(), "a header and every action");
        assertTrue(text.startsWith("运行编号,考核基准日,试运行,规则"), text.substring(0, 40));
        byte[] api = as(officer).get("/api/v1/cleanup-runs/" + run + "/report.csv").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(api, bytes, "the page's download is the API's");

        Response xlsx = console().get("/console/runs/" + run + "/report.xlsx");
        assertEquals(200, xlsx.statusCode());
        assertEquals(RunPages.XLSX, xlsx.contentType());
        assertEquals("attachment; filename=\"cleanup-run-" + run + ".xlsx\"", xlsx.header("Content-Disposition"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(total, sheet.getLastRowNum(), "every action below the header");
            assertEquals("规则", new DataFormatter().formatCellValue(sheet.getRow(0).getCell(3)));
            assertEquals(String.valueOf(run), new DataFormatter().formatCellValue(sheet.getRow(1).getCell(0)));
        }

        console().get("/console/runs/999999999/report.xlsx").then().statusCode(404);
        RestAssured.given().redirects().follow(false).get("/console/runs/" + run + "/report.xlsx").then().statusCode(303)
                .header("Location", containsString("/console/login"));
    }

    @Test
    void realRunIsOfferedAndStartedExactlyWhereTheRunnersGateAllowsIt() throws Exception {
        Delisted supplier = BoardStory.delist(dataSource, officer, "乌海" + SEQUENCE.incrementAndGet() + "建材有限公司").get(0);
        LocalDate today = LocalDate.parse(BoardStory.NOTICE_DATE);

        assertTrue(runner.realRunRefusal(today).isPresent(), "today ran");
        console().get("/console/runs").then().statusCode(200)
                .body(not(containsString("action=\"/console/runs/real/confirm\"")))
                .body(containsString("id=\"real-refused\""));
        long runs = runCount();
        for (String refused : List.of("2024-01-01", "2023-12-31", "2024-01-02")) {
            console().formParam("asOf", refused).post("/console/runs/real/confirm").then()
                    .statusCode(refused.equals("2024-01-02") ? 400 : 409);
            console().formParam("asOf", refused).post("/console/runs/real").then()
                    .statusCode(refused.equals("2024-01-02") ? 400 : 409);
        }
        assertEquals(runs, runCount(), "nothing ran, not even a dry run");

        BoardStory.at(officer, "2024-01-08T09:00:00+08:00");
        for (String date : List.of("2024-01-01", "2024-01-02", "2024-01-08", "2024-01-09")) {
            boolean allowed = runner.realRunRefusal(LocalDate.parse(date)).isEmpty();
            assertEquals(!date.equals("2024-01-01") && !date.equals("2024-01-09"), allowed, date);
        }
        console().get("/console/runs").then().statusCode(200).body(containsString("action=\"/console/runs/real/confirm\""));
        String confirmation = console().formParam("asOf", "2024-01-08").post("/console/runs/real/confirm").then().statusCode(200)
                .body(containsString("确认正式运行：考核基准日 2024-01-08")).extract().asString();
        assertEquals(runs + 1, runCount(), "the confirmation ran a dry run for the date");
        assertTrue(confirmation.contains("action=\"/console/runs/real\""), "the confirmation carries the real run's form");

        Response real = console().redirects().follow(false).formParam("asOf", "2024-01-08").post("/console/runs/real");
        assertEquals(303, real.statusCode());
        long run = Long.parseLong(real.header("Location").replaceAll(".*/console/runs/", ""));
        as(officer).get("/api/v1/cleanup-runs/" + run).then().statusCode(200).body("dryRun", equalTo(false))
                .body("asOf", equalTo("2024-01-08")).body("startedBy", equalTo(Api.OFFICER))
                .body("trigger", equalTo("MANUAL"));
        as(officer).get("/api/v1/audit?subject=supplier/" + supplier.supplierId()).then().statusCode(200)
                .body(containsString("cleanup-run/" + run));
        console().formParam("asOf", "2024-01-08").post("/console/runs/real").then().statusCode(409)
                .body(containsString("2024-01-08"));
        console().formParam("asOf", "2024-01-08").post("/console/runs/real/confirm").then().statusCode(409);
    }

    @Test
    void aRunsActionsPageByKeysetFilteredByRuleWithoutGapsOrRepeats() throws Exception {
        String word = "巴彦淖尔" + SEQUENCE.incrementAndGet();
        String[] names = new String[RunPages.ACTIONS_PER_PAGE + 5];
        for (int i = 0; i < names.length; i++) {
            names[i] = word + "第" + i + "商行";
        }
        BoardStory.delist(dataSource, officer, names);
        long run = preview("2024-01-08");
        String first = console().queryParam("rule", "LAPSED_NOTICE").queryParam("supplier", word)
                .get("/console/runs/" + run).then().statusCode(200)
                .body(containsString("共 " + names.length + " 条符合条件的处理")).extract().asString();
        List<String> firstPage = suppliersOn(first);
        assertEquals(RunPages.ACTIONS_PER_PAGE, firstPage.size());
        String next = first.replaceAll("(?s).*href=\"(/console/runs/" + run + "\\?[^\"]*after=\\d+)\".*", "$1").replace("&amp;", "&");
        String second = console().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString();
        List<String> secondPage = suppliersOn(second);
        assertEquals(5, secondPage.size());
        assertTrue(secondPage.stream().noneMatch(firstPage::contains), "no repeats");
        assertTrue(!second.contains("rel=\"next\"") && second.contains("rel=\"prev\""));

        console().queryParam("rule", "NOPE").queryParam("after", "x").get("/console/runs/" + run).then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("rule")).body(containsString("after"));
    }

    private long preview(String date) {
        Response answer = console().redirects().follow(false).formParam("asOf", date).post("/console/runs/preview");
        assertEquals(303, answer.statusCode(), answer.asString());
        return Long.parseLong(answer.header("Location").replaceAll(".*/console/runs/", ""));
    }

    private static List<String> suppliersOn(String html) {
        return java.util.regex.Pattern.compile("<td data-label=\"供应商\"><a href=\"/console/suppliers/(\\d+)\">").matcher(html)
                .results().map(match -> match.group(1)).toList();
    }

    private RequestSpecification console() {
        RequestSpecification request = RestAssured.given().cookie(Sessions.COOKIE, cookie)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        return csrf == null ? request : request.header("X-CSRF-Token", csrf);
    }

    private long runCount() throws Exception {
        return count("select count(*) from cleanup_run");
    }

    private long count(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
