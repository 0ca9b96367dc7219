package cn.emall.web.console;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's supplier, account and audit pages over HTTP: what they show is what the capabilities hold. */
@QuarkusTest
class ConsolePagesTest {

    private static final String HTML = "text/html;charset=UTF-8";

    private String session;

    @BeforeEach
    void signIn() {
        session = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
    }

    @Test
    void supplierPageShowsItsListingsCreditSalesChartAndAuditTrail() {
        String officer = Api.officerToken();
        Api.Admitted supplier = Api.admittedSupplier(officer);
        String category = Api.category(officer);
        long product = Api.listProduct(supplier.token(), category);
        String now = Api.justNow();
        Api.as(Api.orderSystemToken()).body(Api.sale(Api.newOrderNo(), 1, supplier.id(), product, 3, "1299.00", now))
                .post("/api/v1/sales").then().statusCode(201);

        page("/console/suppliers?q=" + supplier.creditCode()).then().statusCode(200).contentType(HTML)
                .body(containsString("href=\"/console/suppliers/" + supplier.id() + "\""), containsString("已入驻"));
        page("/console/suppliers?region=呼和浩特&status=ACTIVE&q=" + supplier.creditCode()).then().statusCode(200)
                .body(containsString(supplier.creditCode()));
        page("/console/suppliers?region=不存在的地区&q=" + supplier.creditCode()).then().statusCode(200)
                .body(containsString("没有符合条件的供应商"));

        String html = page("/console/suppliers/" + supplier.id()).then().statusCode(200).extract().asString();
        assertTrue(html.contains("在售 <span class=\"count\">1</span>"), "one listing listed");
        assertTrue(html.contains("联想启天台式机"), "the listing is listed");
        assertTrue(html.contains("<strong id=\"sales-total\">¥3,897.00</strong>"), "the month's net sales, as money");
        assertTrue(html.contains("<svg class=\"chart\""), "the chart is drawn by the server");
        assertEquals(36, html.split("<rect ").length - 1, "one bar a month for three years");
        assertTrue(html.contains("<strong id=\"credit-score\">100</strong>"), "no deductions: the base");
        assertTrue(html.contains("SUPPLIER_APPROVED"), "its audit trail");
        page("/console/suppliers/999999999").then().statusCode(404).contentType(HTML).body(containsString("未找到"));
        page("/console/suppliers?status=NOPE").then().statusCode(400).contentType(HTML).body(containsString("status"));
    }

    @Test
    void accountFormShowsTheApisRulesInlineAndCreatesWithTheOfficerAsActor() {
        String token = ConsoleHttp.token(page("/console/accounts").asString());
        Response refused = form(token, Map.of("username", "x", "password", "short", "role", "ORDER_SYSTEM"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"username-error\""), "the username's rule beside the field");
        assertTrue(refused.asString().contains("id=\"password-error\""), "the password's rule beside the field");

        String username = "console-orders-" + System.nanoTime();
        Response created = form(token, Map.of("username", username, "password", "orders-password-1", "role", "ORDER_SYSTEM"));
        assertEquals(303, created.statusCode());
        page("/console/accounts?created=" + username).then().statusCode(200).body(containsString(username));
        Response duplicate = form(token, Map.of("username", username.toUpperCase(), "password", "orders-password-1",
                "role", "ORDER_SYSTEM"));
        assertEquals(409, duplicate.statusCode());
        Api.token(username, "orders-password-1");

        String audit = page("/console/audit?subject=account/&actor=" + Api.OFFICER).asString();
        assertTrue(audit.contains("ACCOUNT_CREATED"), "the creation is in the trail");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        page("/console/audit?actor=nobody-" + System.nanoTime()).then().statusCode(200).body(containsString("没有符合条件的审计记录"));
        page("/console/audit?subject=account/&from=" + today + "&to=" + today).then().statusCode(200)
                .body(containsString("ACCOUNT_CREATED"));
        page("/console/audit?subject=account/&to=2000-01-01").then().statusCode(200).body(not(containsString("ACCOUNT_CREATED")));
        page("/console/audit?from=yesterday").then().statusCode(400).body(containsString("from"));
    }

    private Response page(String path) {
        return ConsoleHttp.given().cookie(Sessions.COOKIE, session).get(path);
    }

    private Response form(String token, Map<String, String> fields) {
        var request = ConsoleHttp.given().cookie(Sessions.COOKIE, session)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", token);
        fields.forEach(request::formParam);
        return request.post("/console/accounts");
    }
}
