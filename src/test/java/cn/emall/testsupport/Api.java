package cn.emall.testsupport;

import cn.emall.supplier.model.CreditCode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Test fixtures over the HTTP API, so that a test says only what matters to it. */
public final class Api {

    public static final String OFFICER = "officer";
    public static final String OFFICER_PASSWORD = "officer-change-me";
    public static final String SUPPLIER_PASSWORD = "s3cret-pass";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private Api() {
    }

    /** A fresh, valid unified social credit code (Hohhot division code 150102). */
    public static String newCreditCode() {
        String first17 = "91150102MA" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000);
        return first17 + CreditCode.expectedCheckCharacter(first17);
    }

    public static String token(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("accessToken");
    }

    public static String officerToken() {
        return token(OFFICER, OFFICER_PASSWORD);
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static Map<String, Object> application(String creditCode) {
        return Map.of("name", "呼和浩特市测试科技有限公司 " + creditCode.substring(10), "creditCode", creditCode,
                "legalRepresentative", "王伟", "contactName", "李娜", "contactPhone", "0471-6612345",
                "email", "sales@example.cn", "region", "内蒙古自治区呼和浩特市", "password", SUPPLIER_PASSWORD,
                "materials", List.of(Map.of("kind", "BUSINESS_LICENSE", "documentRef", "doc://licence/" + creditCode)));
    }

    /** Applies with a new code; answers the supplier id. */
    public static long apply(String creditCode) {
        return ((Number) RestAssured.given().contentType(ContentType.JSON).body(application(creditCode))
                .post("/api/v1/supplier-applications").then().statusCode(201).extract().path("supplierId")).longValue();
    }

    public static void approve(String officerToken, long supplierId) {
        as(officerToken).body(Map.of("decision", "APPROVE", "reason", "materials complete"))
                .post("/api/v1/suppliers/" + supplierId + "/decision").then().statusCode(200);
    }

    /** An admitted supplier: its id, code and token. */
    public record Admitted(long id, String creditCode, String token) {
    }

    public static Admitted admittedSupplier(String officerToken) {
        String code = newCreditCode();
        long id = apply(code);
        approve(officerToken, id);
        return new Admitted(id, code, token(code, SUPPLIER_PASSWORD));
    }
}
