package cn.emall.calendar;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CalendarApiTest {

    @Test
    void shippedYearsAreReadableByEveryone() {
        RestAssured.get("/api/v1/calendar/2024").then().statusCode(200).body("year", equalTo(2024))
                .body("makeupWorkdays", hasItems("2024-09-29", "2024-10-12"));
        RestAssured.get("/api/v1/calendar/1999").then().statusCode(400).body("errors[0].field", equalTo("year"));
        RestAssured.get("/api/v1/calendar/2031").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void deadlineFollowsTheSpecExampleAcrossNationalDay() {
        RestAssured.get("/api/v1/calendar/deadline?from=2024-09-27&workingDays=3").then().statusCode(200)
                .body("deadline", equalTo("2024-10-08")).body("warnings", nullValue());
    }

    @Test
    void deadlineInAYearWithoutDataCountsWeekdaysAndWarns() {
        RestAssured.get("/api/v1/calendar/deadline?from=2035-01-04&workingDays=1").then().statusCode(200)
                .body("deadline", equalTo("2035-01-05")).body("warnings[0]", org.hamcrest.Matchers.containsString("2035"));
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
