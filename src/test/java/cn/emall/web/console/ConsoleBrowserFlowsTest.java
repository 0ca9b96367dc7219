package cn.emall.web.console;

import cn.emall.supplier.model.CreditCode;
import cn.emall.testsupport.Api;
import cn.emall.testsupport.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The officers' console in headless Chromium: signing in, the dashboard, deciding applications, and what is refused. */
@QuarkusTest
class ConsoleBrowserFlowsTest extends ConsoleBrowserTest {

    @Test
    void officerSignsInAndTheDashboardsCountsEqualTheApis() {
        String officer = Api.officerToken();
        Api.apply(Api.newCreditCode());
        visit("/console", "redirected-to-sign-in");
        assertTrue(address().startsWith("/console/login"), address());
        signIn();
        assertEquals("/console", address());
        screenshot("dashboard");
        assertEquals("工作台", find(".console-nav a[aria-current='page']").getText());
        assertEquals(Api.OFFICER, find(".officer").getText());

        long pending = Api.as(officer).get("/api/v1/suppliers?status=PENDING&size=1").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        long appeals = Api.as(officer).get("/api/v1/appeals?status=PENDING&size=1").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        assertEquals(pending, count("#count-applications"));
        assertTrue(pending > 0);
        assertEquals(appeals, count("#count-appeals"));
        assertEquals(openNoticesDueTodayOrTomorrow(officer), count("#count-notices"));

        find("#preview-button").click();
        waitUntil(driver -> !findAll("#preview-counts").isEmpty());
        waitUntil(loaded());
        screenshot("tonights-run-previewed");
        String report = find("#preview a").getAttribute("href");
        long runId = Long.parseLong(report.substring(report.lastIndexOf('/') + 1));
        JsonPath run = Api.as(officer).get("/api/v1/cleanup-runs/" + runId).then().statusCode(200).extract().jsonPath();
        assertTrue(run.getBoolean("dryRun"));
        assertEquals(Api.OFFICER, run.getString("startedBy"), "the officer started the dry run, as with the API");
        assertEquals(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), run.getString("asOf"));
        assertEquals(run.getLong("actionsTotal"), count("#preview-total"));
        Map<String, Object> counts = run.getMap("counts");
        for (WebElement cell : findAll("#preview-counts td[data-rule]")) {
            Object expected = counts.getOrDefault(cell.getAttribute("data-rule"), 0);
            assertEquals(((Number) expected).longValue(), Long.parseLong(cell.getText()), cell.getAttribute("data-rule"));
        }
    }

    @Test
    void officerApprovesAPilotCodeOnlyWithAReasonAndRejectsAnotherWithOne() {
        String officer = Api.officerToken();
        String valid = Api.newCreditCode();
        String pilot = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        assertFalse(CreditCode.check(pilot).isValid());
        String photo = Api.upload(null, "营业执照照片.png", TestFiles.png());
        Map<String, Object> application = new HashMap<>(Api.application(pilot));
        application.put("materials", List.of(((List<?>) application.get("materials")).get(0),
                Map.of("kind", "BUSINESS_LICENSE", "documentRef", photo)));
        long pilotId = ((Number) io.restassured.RestAssured.given().contentType("application/json").body(application)
                .post("/api/v1/supplier-applications").then().statusCode(201).extract().path("supplierId")).longValue();
        String rejected = Api.newCreditCode();
        long rejectedId = Api.apply(rejected);

        signIn();
        find(".console-nav a[href='/console/applications']").click();
        waitUntil(loaded());
        screenshot("queue");
        find("#q").sendKeys(pilot);
        waitUntil(driver -> findAll("#applications tbody tr").size() == 1
                && find("#applications tbody tr").getText().contains(pilot));
        waitUntil(loaded());
        screenshot("queue-filtered");
        assertTrue(address().contains("q=" + pilot), "htmx put the filter into the address: " + address());
        assertTrue(find("#applications tbody tr").getText().contains("试点代码"));
        find("#applications tbody tr a").click();
        waitUntil(loaded());
        screenshot("pilot-application");
        assertEquals("/console/applications/" + pilotId, address());
        assertTrue(find("#credit-code-check").getText().contains("校验未通过"), find("#credit-code-check").getText());
        String pdf = find("iframe.preview-pdf").getAttribute("src");
        String png = find("img.preview-image").getAttribute("src");
        assertTrue(png.endsWith("/console/documents/" + photo), png);
        assertEquals("200 application/pdf", fetched(pdf), "the licence opens in the page, through the session");
        assertEquals("200 image/png", fetched(png));
        assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", find("img.preview-image")), "the image shows");

        find("#decision-approve").click();
        find("#decision-form button[type='submit']").click();
        waitUntil(loaded());
        screenshot("pilot-needs-a-reason");
        assertTrue(find("#reason-error").getText().contains("校验"), find("#reason-error").getText());
        assertEquals("true", find("#reason").getAttribute("aria-invalid"));
        assertEquals("PENDING", supplier(officer, pilotId).getString("status"), "nothing was decided");

        find("#decision-approve").click();
        find("#reason").sendKeys("早期试点代码，已与登记机关核实");
        find("#decision-form button[type='submit']").click();
        waitUntil(loaded());
        screenshot("pilot-approved");
        assertEquals("/console/applications/" + pilotId + "?decided=APPROVE", address());
        assertTrue(find("#decided").getText().contains("已通过"));
        JsonPath approved = supplier(officer, pilotId);
        assertEquals("ACTIVE", approved.getString("status"));
        assertEquals("早期试点代码，已与登记机关核实", approved.getString("checkOverrideReason"));
        JsonPath trail = Api.as(officer).get("/api/v1/audit?subject=supplier/" + pilotId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("SUPPLIER_APPROVED", trail.getString("items[0].action"));
        assertEquals(Api.OFFICER, trail.getString("items[0].actor"), "the signed-in officer is the actor, as with the API");

        visit("/console/applications/" + rejectedId, "to-reject");
        find("#decision-reject").click();
        find("#decision-form button[type='submit']").click();
        waitUntil(loaded());
        screenshot("reject-needs-a-reason");
        assertFalse(find("#reason-error").getText().isBlank());
        find("#decision-reject").click();
        find("#reason").sendKeys("营业执照已过有效期");
        find("#decision-form button[type='submit']").click();
        waitUntil(loaded());
        screenshot("rejected");
        assertTrue(find("#decided").getText().contains("已驳回"));
        JsonPath refused = supplier(officer, rejectedId);
        assertEquals("REJECTED", refused.getString("status"));
        assertEquals("营业执照已过有效期", refused.getString("decisionReason"));
        assertTrue(findAll("#decision-form").isEmpty(), "a decided application offers no decision");

        find("a[href='/console/suppliers/" + rejectedId + "']").click();
        waitUntil(loaded());
        visit("/console/suppliers/" + pilotId, "supplier-page");
        assertEquals("100", find("#credit-score").getText());
        assertEquals("¥0.00", find("#sales-total").getText());
        assertEquals(36, findAll("svg.chart rect").size(), "a bar a month for three years");
        visit("/console/suppliers?q=" + pilot, "suppliers-found");
        assertEquals(1, findAll("#suppliers tbody tr").size());
        visit("/console/audit?subject=supplier/" + pilotId, "audit-trail");
        assertEquals(Api.OFFICER, find("#audit-entries tbody tr .actor").getText());
        visit("/console/accounts", "accounts");
        assertTrue(find("#accounts").getText().contains(Api.OFFICER));
    }

    @Test
    void supplierAccountIsRefusedWithAChineseMessage() {
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        signIn(supplier.creditCode(), Api.SUPPLIER_PASSWORD);
        assertEquals("/console/login", address());
        assertTrue(find(".message-error").getText().contains("不是运营管理机构工作人员账号"), find(".message-error").getText());
        visit("/console", "still-signed-out");
        assertTrue(address().startsWith("/console/login"));
    }

    @Test
    void postWithoutItsCsrfTokenIs403AndAfterSignOutPagesGoToSignIn() {
        long id = Api.apply(Api.newCreditCode());
        signIn();
        visit("/console/applications/" + id, "application");
        ((JavascriptExecutor) browser).executeScript("document.querySelector(\"#decision-form input[name='_csrf']\").remove()");
        find("#decision-reject").click();
        find("#reason").sendKeys("没有令牌的表单");
        find("#decision-form button[type='submit']").click();
        waitUntil(loaded());
        screenshot("refused-without-token");
        assertEquals("错误代码 403", find(".error-code").getText());
        assertTrue(find(".error-page").getText().contains("安全令牌"));
        assertEquals("PENDING", supplier(Api.officerToken(), id).getString("status"), "nothing was decided");

        visit("/console", "before-sign-out");
        find(".sign-out button").click();
        waitUntil(loaded());
        screenshot("signed-out");
        assertTrue(address().startsWith("/console/login"), address());
        assertTrue(find(".message-info").getText().contains("已退出登录"));
        visit("/console/suppliers", "protected-after-sign-out");
        assertEquals("/console/login?next=%2Fconsole%2Fsuppliers", address());
        browser.navigate().back();
        waitUntil(loaded());
        browser.navigate().back();
        waitUntil(loaded());
        screenshot("back-to-the-dashboard");
        assertTrue(address().startsWith("/console/login"), "going back to the dashboard asks for it again (no-store): " + address());
    }

    private long count(String css) {
        return Long.parseLong(find(css).getText().trim());
    }

    /** Status and type of the document as the page's own script fetches it (with the session cookie). */
    private String fetched(String url) {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); })"
                + ".catch(function (e) { done('failed ' + e); });", url);
        assertNotNull(answer);
        return answer.toString();
    }

    private static JsonPath supplier(String officer, long id) {
        return Api.as(officer).get("/api/v1/suppliers/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The API's open notices whose deadline is today or tomorrow, counted page by page. */
    private static long openNoticesDueTodayOrTomorrow(String officer) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long due = 0;
        for (int page = 0; ; page++) {
            JsonPath notices = Api.as(officer).get("/api/v1/notices?status=OPEN&size=200&page=" + page).then().statusCode(200)
                    .extract().jsonPath();
            List<String> deadlines = notices.getList("items.deadline");
            due += deadlines.stream().map(LocalDate::parse).filter(d -> !d.isBefore(today) && !d.isAfter(today.plusDays(1))).count();
            if ((long) (page + 1) * 200 >= notices.getLong("total")) {
                return due;
            }
        }
    }
}
