package cn.emall.platform;

import cn.emall.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProblemResponsesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void unknownPathIsAProblem() {
        RestAssured.get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:emall:problem:not-found"));
    }

    @Test
    void queryParameterThatIsNotAWholeNumberIsRefusedNamingIt() {
        RestAssured.get("/api/v1/announcements?page=abc").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:validation")).body("errors[0].field", equalTo("page"));
        RestAssured.get("/api/v1/announcements?size=9999999999").then().statusCode(400).body("errors[0].field", equalTo("size"));
        RestAssured.get("/api/v1/announcements?page=0&size=5").then().statusCode(200);
    }

    @Test
    void wrongMethodIsAProblem() {
        RestAssured.given().delete("/api/v1/supplier-applications").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        RestAssured.given().contentType(ContentType.XML).body("<a/>").post("/api/v1/supplier-applications")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsAProblemWithoutClassNames() {
        RestAssured.given().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/supplier-applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:malformed-request"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void wrongTypeNamesTheField() {
        RestAssured.given().contentType(ContentType.JSON).body("{\"materials\": \"x\"}")
                .post("/api/v1/supplier-applications").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("materials"))
                .body("errors[0].message", not(containsString("java")));
    }

    @Test
    void unknownFieldIsRefused() {
        Map<String, Object> body = new java.util.HashMap<>(Api.application(Api.newCreditCode()));
        body.put("status", "ACTIVE");
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/v1/supplier-applications")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        RestAssured.given().contentType(ContentType.JSON).body("{}").post("/api/v1/supplier-applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:validation"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "creditCode", "password", "materials"));
    }

    @Test
    void missingTokenIsUnauthorizedAndWrongRoleIsForbidden() {
        RestAssured.get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2("not-a-token").get("/api/v1/audit").then().statusCode(401)
                .contentType("application/problem+json");
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        as(supplier.token()).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void wrongCredentialsAnswerTheSameForKnownAndUnknownUsers() {
        String known = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.OFFICER, "password", "wrong-password"))
                .post("/api/v1/auth/token").then().statusCode(401).extract().path("detail");
        String unknown = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-at-all", "password", "wrong-password"))
                .post("/api/v1/auth/token").then().statusCode(401).extract().path("detail");
        assertTrue(known.equals(unknown));
    }

    @Test
    void repeatedWrongPasswordsLockTheUsername() {
        String officer = Api.officerToken();
        as(officer).body(Map.of("username", "clerk-lock", "password", "right-password", "role", "OFFICER"))
                .post("/api/v1/accounts").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("username", "clerk-lock", "password", "wrong-password"))
                    .post("/api/v1/auth/token").then().statusCode(401);
        }
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", "clerk-lock", "password", "right-password"))
                .post("/api/v1/auth/token").then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:login-locked"));
    }

    @Test
    void auditTrailRefusesUpdateAndDeleteEvenThroughSql() throws SQLException {
        Api.apply(Api.newCreditCode());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update audit_entry set actor = 'mallory'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from audit_entry"));
            assertThrows(SQLException.class, () -> s.executeUpdate("truncate audit_entry"));
        }
    }

    @Test
    void officerCreatesOrderSystemAccountWhichCannotReadAudit() {
        String officer = Api.officerToken();
        as(officer).body(Map.of("username", "orders-1", "password", "orders-password", "role", "ORDER_SYSTEM"))
                .post("/api/v1/accounts").then().statusCode(201).body("role", equalTo("ORDER_SYSTEM"));
        as(officer).body(Map.of("username", "orders-1", "password", "orders-password", "role", "ORDER_SYSTEM"))
                .post("/api/v1/accounts").then().statusCode(409);
        as(Api.token("orders-1", "orders-password")).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void sandboxClockMovesBusinessTime() {
        String officer = Api.officerToken();
        as(officer).body(Map.of("now", "2024-01-01T01:00:00+08:00")).put("/api/v1/sandbox/clock")
                .then().statusCode(200).body("now", org.hamcrest.Matchers.startsWith("2024-01-01T01:00"));
        as(officer).delete("/api/v1/sandbox/clock").then().statusCode(200).body("moved", equalTo(false));
        RestAssured.get("/api/v1/sandbox/clock").then().statusCode(401);
        as(Api.admittedSupplier(officer).token()).get("/api/v1/sandbox/clock").then().statusCode(403);
    }

    @Test
    void operationsEndpointsAnswer() {
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/openapi").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(200);
    }
}
