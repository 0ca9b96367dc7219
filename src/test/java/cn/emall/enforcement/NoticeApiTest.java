package cn.emall.enforcement;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class NoticeApiTest {

    private static long issue(String officer, long supplierId) {
        return ((Number) as(officer).body(Map.of("supplierId", supplierId, "subject", "价格核查", "body", "请说明定价依据",
                "workingDays", 3)).post("/api/v1/notices").then().statusCode(201).body("kind", equalTo("PROCESSING"))
                .body("status", equalTo("OPEN")).extract().path("id")).longValue();
    }

    @Test
    void anotherSuppliersNoticeAnswersNotFound() {
        String officer = Api.officerToken();
        Api.Admitted a = Api.admittedSupplier(officer);
        Api.Admitted b = Api.admittedSupplier(officer);
        long notice = issue(officer, a.id());
        as(b.token()).get("/api/v1/notices/" + notice).then().statusCode(404).contentType("application/problem+json");
        as(b.token()).body(Map.of("message", "x")).post("/api/v1/notices/" + notice + "/response").then().statusCode(404);
        as(b.token()).get("/api/v1/notices").then().body("total", equalTo(0));
        as(a.token()).get("/api/v1/notices").then().body("total", equalTo(1));
    }

    @Test
    void onlyOfficersIssueNoticesAndOnlyToActiveSuppliers() {
        String officer = Api.officerToken();
        Api.Admitted a = Api.admittedSupplier(officer);
        as(a.token()).body(Map.of("supplierId", a.id(), "subject", "s", "body", "b", "workingDays", 3))
                .post("/api/v1/notices").then().statusCode(403);
        as(officer).body(Map.of("supplierId", 987654321, "subject", "s", "body", "b", "workingDays", 3))
                .post("/api/v1/notices").then().statusCode(400).body("errors[0].field", equalTo("supplierId"));
        as(officer).body(Map.of("supplierId", a.id(), "subject", "s", "body", "b", "workingDays", 0))
                .post("/api/v1/notices").then().statusCode(400).body("errors[0].field", equalTo("workingDays"));
        RestAssured.get("/api/v1/notices").then().statusCode(401);
    }

    @Test
    void processingNoticeIsAnsweredOnceAndCannotBeAppealed() {
        String officer = Api.officerToken();
        Api.Admitted a = Api.admittedSupplier(officer);
        long notice = issue(officer, a.id());
        as(a.token()).body(Map.of("reason", "r", "materials", List.of())).post("/api/v1/notices/" + notice + "/appeal")
                .then().statusCode(409).body("type", equalTo("urn:emall:problem:not-appealable"));
        as(a.token()).body(Map.of("message", "定价依据见附件")).post("/api/v1/notices/" + notice + "/response")
                .then().statusCode(200).body("status", equalTo("HANDLED"));
        as(a.token()).body(Map.of("message", "again")).post("/api/v1/notices/" + notice + "/response")
                .then().statusCode(409);
    }

    @Test
    void officerTakedownSendsARectificationNoticeThatRelistingHandles() {
        String officer = Api.officerToken();
        Api.Admitted a = Api.admittedSupplier(officer);
        long product = Api.listProduct(a.token(), Api.category(officer));
        as(officer).body(Map.of("reason", "图片与参数不符")).post("/api/v1/products/" + product + "/takedown").then().statusCode(200);
        as(a.token()).get("/api/v1/notices?kind=RECTIFICATION").then().body("total", equalTo(1))
                .body("items[0].productId", equalTo((int) product)).body("items[0].status", equalTo("OPEN"));
        as(a.token()).post("/api/v1/products/" + product + "/relist").then().statusCode(200);
        as(a.token()).get("/api/v1/notices?kind=RECTIFICATION").then().body("items[0].status", equalTo("HANDLED"));
    }

    @Test
    void announcementsArepublic() {
        RestAssured.get("/api/v1/announcements").then().statusCode(200).body("page", equalTo(0));
    }
}
