package cn.emall.document;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Without a login an address uploads at most so many files an hour (3 here, 30 by default); logged in, no limit. */
@QuarkusTest
@TestProfile(AnonymousUploadLimitTest.ThreeAnHour.class)
class AnonymousUploadLimitTest {

    public static class ThreeAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emall.documents.anonymous-uploads-per-hour", "3");
        }
    }

    @AfterEach
    void realClock() {
        as(Api.officerToken()).delete("/api/v1/sandbox/clock").then().statusCode(200);
    }

    @Test
    void theFourthAnonymousUploadInAnHourWaitsUntilTheFirstIsAnHourOld() {
        String officer = Api.officerToken();
        Instant start = Instant.parse("2031-05-06T02:00:00Z");
        as(officer).body(Map.of("now", start.toString())).put("/api/v1/sandbox/clock").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            as(officer).body(Map.of("now", start.plus(i * 10L, ChronoUnit.MINUTES).toString())).put("/api/v1/sandbox/clock");
            Api.upload(null, "licence-" + i + ".pdf", TestFiles.pdf("licence " + i));
        }
        as(officer).body(Map.of("now", start.plus(30, ChronoUnit.MINUTES).toString())).put("/api/v1/sandbox/clock");
        RestAssured.given().multiPart("file", "licence-4.pdf", TestFiles.pdf("licence 4"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(429)
                .header("Retry-After", equalTo(String.valueOf(30 * 60 + 1)))
                .body("type", org.hamcrest.Matchers.containsString("uploads-limited"));
        Api.upload(officer, "officer.pdf", TestFiles.pdf("an officer is not limited"));
        as(officer).body(Map.of("now", start.plus(61, ChronoUnit.MINUTES).toString())).put("/api/v1/sandbox/clock");
        RestAssured.given().multiPart("file", "licence-4.pdf", TestFiles.pdf("licence 4"), "application/pdf")
                .post("/api/v1/documents").then().statusCode(201).body("id", notNullValue());
    }
}
