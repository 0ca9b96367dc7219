package cn.emall.sandbox;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the sandbox clock off, as in production, its paths do not exist for anyone. */
@QuarkusTest
@TestProfile(SandboxClockOffTest.ClockControlOff.class)
class SandboxClockOffTest {

    public static class ClockControlOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emall.sandbox.clock-control", "false");
        }
    }

    @Test
    void sandboxClockPathsAnswerNotFoundWhenClockControlIsOff() {
        RestAssured.get("/api/v1/sandbox/clock").then().statusCode(404).contentType("application/problem+json");
        String officer = Api.officerToken();
        as(officer).get("/api/v1/sandbox/clock").then().statusCode(404).body("type", equalTo("urn:emall:problem:not-found"));
        as(officer).body(Map.of("now", "2024-01-01T01:00:00+08:00")).put("/api/v1/sandbox/clock").then().statusCode(404);
        as(officer).delete("/api/v1/sandbox/clock").then().statusCode(404);
    }

    @Test
    void servedDocumentLeavesTheSandboxClockOutWhenClockControlIsOff() {
        String document = RestAssured.get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertFalse(document.contains("/api/v1/sandbox/"), "the sandbox paths are listed");
        assertFalse(document.contains("SandboxClock"), "the sandbox schemas are listed");
        assertTrue(document.contains("/api/v1/auth/token"), "the other paths are listed");
    }
}
