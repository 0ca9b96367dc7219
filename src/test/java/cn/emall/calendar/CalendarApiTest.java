package cn.emall.calendar;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CalendarApiTest {

    @Test
    void shippedYearsAreReadableByEveryone() {
        RestAssured.get("/api/v1/calendar/2024").then().statusCode(200).body("year", equalTo(2024))
                .body("source", equalTo("STATE_COUNCIL")).body("makeupWorkdays", hasItems("2024-09-29", "2024-10-12"));
        RestAssured.get("/api/v1/calendar/1999").then().statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void yearWithoutAnArrangementAnswersTheStatutoryHolidaysComputedFromTheLaw() {
        // 2031: 春节 除夕 Wed 01-22 .. 初三 Sat 01-25, made up on Mon 01-27; 清明 Sat 04-05, made up on Mon 04-07;
        // 中秋 falls on 国庆 (10-01).
        RestAssured.get("/api/v1/calendar/2031").then().statusCode(200).body("year", equalTo(2031))
                .body("source", equalTo("STATUTORY")).body("makeupWorkdays.size()", equalTo(0))
                .body("holidays.size()", equalTo(9))
                .body("holidays.find { it.name == 'Spring Festival 春节' }.from", equalTo("2031-01-22"))
                .body("holidays.find { it.name == 'Spring Festival 春节' }.to", equalTo("2031-01-25"))
                .body("holidays.find { it.name == 'Mid-Autumn 中秋节' }.from", equalTo("2031-10-01"))
                .body("holidays.findAll { it.name.startsWith('Compensatory') }.from", equalTo(List.of("2031-01-27", "2031-04-07")));
    }

    @Test
    void yearsTheCalendarCannotComputeAreRefusedNamingTheYear() {
        RestAssured.get("/api/v1/calendar/2013").then().statusCode(400).body("errors[0].field", equalTo("year"))
                .body("errors[0].message", containsString("2013"));
        as(Api.officerToken()).body(Map.of("holidays", List.of(), "makeupWorkdays", List.of()))
                .put("/api/v1/calendar/2101").then().statusCode(400).body("errors[0].field", equalTo("year"))
                .body("errors[0].message", containsString("2101"));
        RestAssured.get("/api/v1/calendar/deadline?from=2100-12-30&workingDays=3").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"))
                .body("errors[0].message", containsString("2101"));
    }

    @Test
    void deadlineFollowsTheSpecExampleAcrossNationalDay() {
        RestAssured.get("/api/v1/calendar/deadline?from=2024-09-27&workingDays=3").then().statusCode(200)
                .body("deadline", equalTo("2024-10-08")).body("provisional", equalTo(false)).body("warnings", nullValue());
    }

    @Test
    void deadlineInAYearWithoutAnArrangementIsProvisionalAndWarns() {
        RestAssured.get("/api/v1/calendar/deadline?from=2035-01-04&workingDays=1").then().statusCode(200)
                .body("deadline", equalTo("2035-01-05")).body("provisional", equalTo(true))
                .body("warnings[0]", containsString("2035"));
    }

    @Test
    void deadlineOverAStatutoryHolidayOfAYearWithoutAnArrangementSkipsItAndItsCompensatoryDay() {
        // Fri 2035-02-02; 春节 Wed 02-07 .. Sat 02-10 with 补假 Mon 02-12: 02-05, 02-06, 02-13.
        RestAssured.get("/api/v1/calendar/deadline?from=2035-02-02&workingDays=3").then().statusCode(200)
                .body("deadline", equalTo("2035-02-13")).body("provisional", equalTo(true));
    }

    @Test
    void deadlineParametersAreChecked() {
        RestAssured.get("/api/v1/calendar/deadline?from=2024-02-30&workingDays=3").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        RestAssured.get("/api/v1/calendar/deadline?from=2024-02-01&workingDays=61").then().statusCode(400)
                .body("errors[0].field", equalTo("workingDays"));
    }

    @Test
    void officerReplacesAYearAndBadDataIsRefusedNamingTheRule() {
        String officer = Api.officerToken();
        as(officer).body(Map.of("holidays", List.of(Map.of("name", "元旦", "from", "2030-01-01", "to", "2030-01-01")),
                "makeupWorkdays", List.of("2030-01-02"))).put("/api/v1/calendar/2030").then().statusCode(400)
                .body("errors[0].field", equalTo("makeupWorkdays[0]"));
        as(officer).body(Map.of("holidays", List.of(Map.of("name", "元旦", "from", "2030-01-01", "to", "2030-01-01")),
                "makeupWorkdays", List.of("2030-01-05"))).put("/api/v1/calendar/2030").then().statusCode(200);
        RestAssured.get("/api/v1/calendar/deadline?from=2029-12-31&workingDays=1").then()
                .body("deadline", equalTo("2030-01-02"));
        RestAssured.get("/api/v1/calendar/2030").then().body("makeupWorkdays", hasItem("2030-01-05"));
        as(Api.admittedSupplier(officer).token()).body(Map.of("holidays", List.of(), "makeupWorkdays", List.of()))
                .put("/api/v1/calendar/2030").then().statusCode(403);
    }

    @Test
    void readinessReportsTheCalendarCheck() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("working-day calendar"));
    }
}
