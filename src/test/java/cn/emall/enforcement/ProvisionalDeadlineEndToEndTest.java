package cn.emall.enforcement;

import cn.emall.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deadlines that run into 2027 before its State Council arrangement is published, on the sandbox
 * clock: counted on the statutory holidays and provisional; then recounted when an officer loads
 * the arrangement, never earlier than published.
 */
@QuarkusTest
class ProvisionalDeadlineEndToEndTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeadlineRevision revision;

    /** Back to the real clock and to the shipped years, so that 2027 is again a year without an arrangement. */
    @AfterEach
    void restore() throws SQLException {
        as(Api.officerToken()).delete("/api/v1/sandbox/clock").then().statusCode(200);
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("delete from calendar_year where year = 2027");
        }
    }

    @Test
    void processingNoticeOver2027NewYearIsProvisionalAndALoadedArrangementNeverShortensIt() {
        String officer = Api.officerToken();
        as(officer).body(Map.of("now", "2026-12-29T10:00:00+08:00")).put("/api/v1/sandbox/clock").then().statusCode(200);
        Api.Admitted supplier = Api.admittedSupplier(officer);
        long notice = issue(officer, supplier.id());
        long answered = issue(officer, supplier.id());
        as(supplier.token()).get("/api/v1/notices/" + notice).then().statusCode(200)
                .body("deadline", equalTo("2027-01-04")).body("deadlineProvisional", equalTo(true))
                .body("deadlineNote", nullValue());
        as(supplier.token()).body(Map.of("message", "已说明")).post("/api/v1/notices/" + answered + "/response")
                .then().statusCode(200).body("status", equalTo("HANDLED"));

        // An arrangement that works Saturday 2027-01-02 would end the period then: the published deadline stands.
        as(officer).body(Map.of("holidays", List.of(Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-01")),
                "makeupWorkdays", List.of("2027-01-02"))).put("/api/v1/calendar/2027").then().statusCode(200)
                .body("source", equalTo("STATE_COUNCIL"));
        RestAssured.get("/api/v1/calendar/deadline?from=2026-12-29&workingDays=3").then().statusCode(200)
                .body("deadline", equalTo("2027-01-02")).body("provisional", equalTo(false));
        as(supplier.token()).get("/api/v1/notices/" + notice).then().statusCode(200)
                .body("deadline", equalTo("2027-01-04")).body("deadlineProvisional", equalTo(false))
                .body("deadlineNote", containsString("2027-01-02")).body("deadlineNote", containsString("不予缩短"));
        as(officer).get("/api/v1/audit?subject=notice/" + notice).then().statusCode(200)
                .body("items.action", hasItem("NOTICE_DEADLINE_KEPT"));

        // One that gives 1-4 January off ends it on the 5th: the deadline moves, with an audit entry.
        as(officer).body(Map.of("holidays", List.of(Map.of("name", "元旦", "from", "2027-01-01", "to", "2027-01-04")),
                "makeupWorkdays", List.of())).put("/api/v1/calendar/2027").then().statusCode(200);
        as(supplier.token()).get("/api/v1/notices/" + notice).then().statusCode(200)
                .body("deadline", equalTo("2027-01-05")).body("deadlineProvisional", equalTo(false))
                .body("deadlineNote", containsString("延至2027-01-05"));
        Response audit = as(officer).get("/api/v1/audit?subject=notice/" + notice);
        audit.then().statusCode(200).body("items[0].action", equalTo("NOTICE_DEADLINE_MOVED"))
                .body("items[0].before.deadline", equalTo("2027-01-04"))
                .body("items[0].after.deadline", equalTo("2027-01-05"));
        as(supplier.token()).get("/api/v1/notices/" + answered).then().statusCode(200)
                .body("deadline", equalTo("2027-01-04")).body("deadlineNote", nullValue());
    }

    @Test
    void runReportSaysWhichDeadlinesAreProvisional() {
        String officer = Api.officerToken();
        as(officer).body(Map.of("now", "2026-12-29T10:00:00+08:00")).put("/api/v1/sandbox/clock").then().statusCode(200);
        Api.Imported silent = Api.importedSupplier(officer, Api.category(officer), "2024-06-01");

        Response report = as(officer).body(Map.of("asOf", "2026-12-29", "dryRun", true)).post("/api/v1/cleanup-runs");

        report.then().statusCode(201).body("warnings", hasItem(containsString("2027")))
                .body("warnings[0]", containsString("provisional"));
        List<Map<String, Object>> actions = report.jsonPath().getList("actions");
        Map<String, Object> delisting = action(actions, "ZERO_SALES_SUPPLIER", silent.id());
        assertEquals("2027-01-04", delisting.get("deadline"));
        assertEquals(true, evidence(delisting).get("deadlineProvisional"));
        Map<String, Object> rectification = action(actions, "ZERO_VOLUME_PRODUCT", silent.id());
        assertEquals("2027-01-06", rectification.get("deadline"));
        assertEquals(true, evidence(rectification).get("deadlineProvisional"));
    }

    @Test
    void yearWithoutAnArrangementAnswersItsStatutoryDaysAndReadinessWarnsAboutIt() {
        RestAssured.get("/api/v1/calendar/2027").then().statusCode(200).body("source", equalTo("STATUTORY"))
                .body("holidays.from", hasItem("2027-02-05")).body("holidays.to", hasItem("2027-02-08"))
                .body("holidays.from", hasItem("2027-02-09")).body("makeupWorkdays.size()", equalTo(0));
        as(Api.officerToken()).body(Map.of("now", "2026-12-29T10:00:00+08:00")).put("/api/v1/sandbox/clock")
                .then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'working-day calendar' }.data.missingYears", equalTo("[2027]"))
                .body("checks.find { it.name == 'working-day calendar' }.data.warning", containsString("provisional"));
    }

    @Test
    void noticeCountedOnWeekendsAloneBeforeTheStatutoryFallbackIsMovedLaterOnStart() throws SQLException {
        String officer = Api.officerToken();
        Api.Admitted supplier = Api.admittedSupplier(officer);
        long legacy;
        // As the service counted it before: 2026-12-30, 12-31 and Friday 2027-01-01.
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("insert into notice (supplier_id, kind, status, "
                + "notice_date, deadline, working_days, subject, body, issued_by, created_at) values (?, 'PROCESSING', 'OPEN', "
                + "date '2026-12-29', date '2027-01-01', 3, '价格核查', '请说明定价依据', 'officer', now()) returning id")) {
            s.setLong(1, supplier.id());
            try (var rs = s.executeQuery()) {
                rs.next();
                legacy = rs.getLong(1);
            }
        }

        assertTrue(QuarkusTransaction.requiringNew().call(revision::reviseOnTheStatutoryHolidays) >= 1);

        as(supplier.token()).get("/api/v1/notices/" + legacy).then().statusCode(200)
                .body("deadline", equalTo("2027-01-04")).body("deadlineProvisional", equalTo(true))
                .body("deadlineNote", containsString("法定节假日"));
        as(officer).get("/api/v1/audit?subject=notice/" + legacy).then().statusCode(200)
                .body("items[0].action", equalTo("NOTICE_DEADLINE_MOVED"))
                .body("items[0].actor", equalTo("statutory-holidays"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(revision::reviseOnTheStatutoryHolidays), "once counted, done");
    }

    private static long issue(String officer, long supplierId) {
        return ((Number) as(officer).body(Map.of("supplierId", supplierId, "subject", "价格核查", "body", "请说明定价依据",
                "workingDays", 3)).post("/api/v1/notices").then().statusCode(201).extract().path("id")).longValue();
    }

    private static Map<String, Object> action(List<Map<String, Object>> actions, String rule, long supplierId) {
        List<Map<String, Object>> found = actions.stream()
                .filter(a -> rule.equals(a.get("rule")) && ((Number) a.get("supplierId")).longValue() == supplierId).toList();
        assertEquals(1, found.size(), rule + " for supplier " + supplierId + ": " + found);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> evidence(Map<String, Object> action) {
        return (Map<String, Object>) action.get("evidence");
    }
}
