package cn.emall.supplier;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SupplierOnboardingTest {

    @Test
    void applicantIsPendingThenApprovedWithTodayAsAdmissionDate() {
        String officer = Api.officerToken();
        String code = Api.newCreditCode();
        long id = Api.apply(code);
        String supplier = Api.token(code, Api.SUPPLIER_PASSWORD);
        as(supplier).get("/api/v1/suppliers/me").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("admittedOn", nullValue()).body("creditCode", equalTo(code));

        as(officer).body(Map.of("decision", "APPROVE")).post("/api/v1/suppliers/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("admittedOn", notNullValue());
        as(supplier).get("/api/v1/suppliers/me").then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(officer).get("/api/v1/audit?subject=supplier/" + id).then().statusCode(200)
                .body("items.action", hasItem("SUPPLIER_APPROVED"));
    }

    @Test
    void applicationAnswersCreatedWithLocation() {
        String code = Api.newCreditCode();
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(code))
                .post("/api/v1/supplier-applications").then().statusCode(201)
                .header("Location", startsWith("http")).body("status", equalTo("PENDING"));
    }

    @Test
    void secondApplicationWhilePendingIsRefusedWithConflict() {
        String code = Api.newCreditCode();
        Api.apply(code);
        RestAssured.given().contentType(ContentType.JSON).body(Api.application(code))
                .post("/api/v1/supplier-applications").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:duplicate-application"));
    }

    @Test
    void malformedCreditCodeIsRefusedNamingTheRule() {
        Map<String, Object> body = new HashMap<>(Api.application(Api.newCreditCode()));
        body.put("creditCode", "91310110666007217");
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/v1/supplier-applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:credit-code-length"))
                .body("errors[0].field", equalTo("creditCode"));
        body.put("creditCode", "9131011O666007217T");
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/v1/supplier-applications")
                .then().statusCode(400).body("type", equalTo("urn:emall:problem:credit-code-charset"));
        body.put("creditCode", "9131A110666007217T");
        RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/v1/supplier-applications")
                .then().statusCode(400).body("type", equalTo("urn:emall:problem:credit-code-division-code"));
    }

    @Test
    void pilotCodeFailingOnlyItsCheckCharacterNeedsAReasonToBeAdmitted() {
        String officer = Api.officerToken();
        Map<String, Object> body = new HashMap<>(Api.application("91350211M00013FA1N"));
        long id = ((Number) RestAssured.given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/supplier-applications").then().statusCode(201)
                .body("creditCodeCheckPasses", equalTo(false)).extract().path("supplierId")).longValue();
        as(officer).body(Map.of("decision", "APPROVE")).post("/api/v1/suppliers/" + id + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(officer).body(Map.of("decision", "APPROVE", "reason", "早期试点代码，经市场监管局核实"))
                .post("/api/v1/suppliers/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("checkOverrideReason", equalTo("早期试点代码，经市场监管局核实"));
    }

    @Test
    void rejectionNeedsAReasonAndDecidedApplicationCannotBeDecidedAgain() {
        String officer = Api.officerToken();
        long id = Api.apply(Api.newCreditCode());
        as(officer).body(Map.of("decision", "REJECT")).post("/api/v1/suppliers/" + id + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(officer).body(Map.of("decision", "REJECT", "reason", "营业执照已过期"))
                .post("/api/v1/suppliers/" + id + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
        as(officer).body(Map.of("decision", "APPROVE")).post("/api/v1/suppliers/" + id + "/decision")
                .then().statusCode(409).body("type", equalTo("urn:emall:problem:wrong-state"));
    }

    @Test
    void rejectedCodeMayApplyAgain() {
        String officer = Api.officerToken();
        String code = Api.newCreditCode();
        long first = Api.apply(code);
        as(officer).body(Map.of("decision", "REJECT", "reason", "材料不全")).post("/api/v1/suppliers/" + first + "/decision")
                .then().statusCode(200);
        long second = Api.apply(code);
        as(Api.token(code, Api.SUPPLIER_PASSWORD)).get("/api/v1/suppliers/me").then()
                .body("id", equalTo((int) second)).body("status", equalTo("PENDING"));
    }

    @Test
    void supplierSeesOnlyItselfAndOtherSuppliersAnswerNotFound() {
        String officer = Api.officerToken();
        Api.Admitted a = Api.admittedSupplier(officer);
        Api.Admitted b = Api.admittedSupplier(officer);
        as(a.token()).get("/api/v1/suppliers/" + a.id()).then().statusCode(200);
        as(a.token()).get("/api/v1/suppliers/" + b.id()).then().statusCode(404)
                .contentType("application/problem+json");
        as(a.token()).get("/api/v1/suppliers").then().statusCode(403);
        as(a.token()).body(Map.of("decision", "APPROVE")).post("/api/v1/suppliers/" + b.id() + "/decision")
                .then().statusCode(403);
    }

    @Test
    void officerSearchesByStatusAndNameOrCode() {
        String officer = Api.officerToken();
        Api.Admitted a = Api.admittedSupplier(officer);
        as(officer).get("/api/v1/suppliers?status=ACTIVE&q=" + a.creditCode()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo((int) a.id()));
        as(officer).get("/api/v1/suppliers?q=测试科技&size=5").then().statusCode(200)
                .body("size", equalTo(5)).body("total", greaterThanOrEqualTo(1));
        as(officer).get("/api/v1/suppliers?size=500").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as(officer).get("/api/v1/suppliers?status=NOPE").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
