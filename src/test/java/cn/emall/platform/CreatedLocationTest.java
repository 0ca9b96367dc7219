package cn.emall.platform;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What a 201 names in Location can be read there, and answers what the creation answered. */
@QuarkusTest
class CreatedLocationTest {

    @Test
    void aCreatedStaffAccountIsReadAtItsLocationAndListedWithoutSuppliersLogins() {
        String officer = Api.officerToken();
        Api.Admitted supplier = Api.admittedSupplier(officer);
        String username = "orders-" + System.nanoTime();
        Response created = as(officer).body(Map.of("username", username, "password", "orders-secret-1", "role", "ORDER_SYSTEM"))
                .post("/api/v1/accounts").then().statusCode(201).extract().response();

        Map<String, Object> read = readAt(officer, created);
        assertEquals(created.jsonPath().getMap(""), read);
        as(officer).get("/api/v1/accounts?size=200").then().statusCode(200)
                .body("items.username", hasItem(username))
                .body("items.role", not(hasItem("SUPPLIER")))
                .body("items.username", not(hasItem(supplier.creditCode())));
        as(officer).get("/api/v1/accounts/" + Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
        as(supplier.token()).get(created.header("Location")).then().statusCode(403);
    }

    @Test
    void aRecordedSaleIsReadAtItsLocationByTheOrderSystemTheOfficerAndItsSupplierOnly() {
        String officer = Api.officerToken();
        String orders = Api.orderSystemToken();
        String category = Api.category(officer);
        Api.Admitted seller = Api.admittedSupplier(officer);
        Api.Admitted other = Api.admittedSupplier(officer);
        long product = Api.listProduct(seller.token(), category);
        String occurredAt = Api.justNow();
        Response created = as(orders).body(Api.sale(Api.newOrderNo(), 1, seller.id(), product, 2, "12.50", occurredAt))
                .post("/api/v1/sales").then().statusCode(201).extract().response();

        assertEquals(created.jsonPath().getMap(""), readAt(orders, created));
        assertEquals(created.jsonPath().getMap(""), readAt(officer, created));
        assertEquals(created.jsonPath().getMap(""), readAt(seller.token(), created));
        as(other.token()).get(created.header("Location")).then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.get(created.header("Location")).then().statusCode(401);
        as(orders).get("/api/v1/sales/" + Long.MAX_VALUE).then().statusCode(404)
                .body("type", equalTo("urn:emall:problem:not-found"));
    }

    private static Map<String, Object> readAt(String token, Response created) {
        String location = created.header("Location");
        assertNotNull(location, "a 201 names its Location");
        return as(token).get(location).then().statusCode(200).extract().jsonPath().getMap("");
    }
}
