package cn.emall.enforcement;

import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import cn.emall.testsupport.BoardStory.Delisted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /api/v1/announcements: the board as JSON, searched by name or credit code and filtered by status. */
@QuarkusTest
class AnnouncementApiTest {

    @Inject
    AgroalDataSource dataSource;

    private final List<String> officers = new ArrayList<>();

    @AfterEach
    void backToTheRealClock() {
        officers.forEach(BoardStory::backToTheRealClock);
    }

    @Test
    void boardIsSearchedByCreditCodeOrNameAndFilteredByStatus() throws Exception {
        String officer = Api.officerToken();
        officers.add(officer);
        String word = "锡林郭勒" + System.nanoTime() % 100_000;
        List<Delisted> delisted = BoardStory.delist(dataSource, officer, word + "电器有限公司", word + "印务有限公司");
        Delisted withdrawn = delisted.get(0);

        RestAssured.get("/api/v1/announcements?q=" + withdrawn.creditCode()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].noticeId", equalTo((int) withdrawn.noticeId()))
                .body("items[0].supplierName", equalTo(withdrawn.name()))
                .body("items[0].rule", equalTo("ZERO_SALES_SUPPLIER"))
                .body("items[0].windowFrom", equalTo(BoardStory.WINDOW_FROM))
                .body("items[0].windowTo", equalTo(BoardStory.WINDOW_TO))
                .body("items[0].noticeDate", equalTo(BoardStory.NOTICE_DATE))
                .body("items[0].appealDeadline", equalTo(BoardStory.APPEAL_DEADLINE))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].terminatedOn", nullValue())
                .body("items[0].updatedAt", startsWith("2024-01-01T01:00:"));
        RestAssured.get("/api/v1/announcements?q=" + withdrawn.creditCode().substring(0, 12).toLowerCase()
                + withdrawn.creditCode().substring(12)).then().statusCode(200).body("total", equalTo(1));
        RestAssured.get("/api/v1/announcements?q=" + word).then().statusCode(200).body("total", equalTo(2));
        RestAssured.get("/api/v1/announcements?q=" + word + "%25").then().statusCode(200).body("total", equalTo(0));

        BoardStory.appealAccepted(officer, withdrawn);
        RestAssured.get("/api/v1/announcements?q=" + word + "&status=WITHDRAWN").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].noticeId", equalTo((int) withdrawn.noticeId()))
                .body("items[0].updatedAt", startsWith("2024-01-03T15:00:"));
        RestAssured.get("/api/v1/announcements?q=" + word + "&status=OPEN").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].noticeId", equalTo((int) delisted.get(1).noticeId()));
    }

    @Test
    void statusOtherThanADelistingNoticesAndOverlongSearchAreRefusedNamingTheParameter() {
        RestAssured.get("/api/v1/announcements?status=FOO").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        RestAssured.get("/api/v1/announcements?status=HANDLED").then().statusCode(400).body("errors[0].field", equalTo("status"));
        RestAssured.get("/api/v1/announcements?q=" + "x".repeat(101)).then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void documentedStatusesAreThoseOfADelistingNotice() throws Exception {
        JsonNode document = new ObjectMapper().readTree(RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        List<String> documented = new ArrayList<>();
        for (JsonNode parameter : document.path("paths").path("/api/v1/announcements").path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("status")) {
                parameter.path("schema").path("enum").forEach(value -> documented.add(value.asText()));
            }
        }
        assertEquals(NoticeStatus.OF_DELISTING.stream().map(Enum::name).toList(), documented);
    }
}
