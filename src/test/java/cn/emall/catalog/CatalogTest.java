package cn.emall.catalog;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CatalogTest {

    @Test
    void categoriesAreReadableByEveryone() {
        String code = Api.category(Api.officerToken());
        RestAssured.get("/api/v1/categories/" + code).then().statusCode(200)
                .body("parameters.name", hasItems("CPU型号", "内存")).body("parameters[1].unit", equalTo("GB"));
        RestAssured.get("/api/v1/categories?size=200").then().statusCode(200).body("items.code", hasItem(code));
    }

    @Test
    void invalidTemplateIsRefusedNamingTheParameter() {
        as(Api.officerToken()).body(Map.of("code", "BAD-1", "name", "坏", "parameters", List.of(
                        Map.of("name", "颜色", "type", "ENUM", "required", true))))
                .post("/api/v1/categories").then().statusCode(400).body("errors[0].field", equalTo("parameters[0].values"));
        as(Api.officerToken()).body(Map.of("code", "BAD-2", "name", "坏", "parameters", List.of(
                        Map.of("name", "x", "type", "COLOUR", "required", true))))
                .post("/api/v1/categories").then().statusCode(400).body("errors[0].field", equalTo("parameters[0].type"));
    }

    @Test
    void suppliersCannotManageCategories() {
        Api.Admitted supplier = Api.admittedSupplier(Api.officerToken());
        as(supplier.token()).body(Map.of("code", "X", "name", "x", "parameters", List.of()))
                .post("/api/v1/categories").then().statusCode(403);
    }

    @Test
    void listingIsAcceptedOnlyWhenItsParametersSatisfyTheTemplate() {
        String officer = Api.officerToken();
        String category = Api.category(officer);
        Api.Admitted supplier = Api.admittedSupplier(officer);
        Map<String, Object> listing = new HashMap<>(Api.listing(category, "M90t"));
        listing.put("parameters", Map.of("内存", 512, "硬盘类型", "NVMe", "颜色", "黑"));
        as(supplier.token()).body(listing).post("/api/v1/products").then().statusCode(400)
                .body("errors.field", hasItems("parameters.CPU型号", "parameters.内存", "parameters.硬盘类型", "parameters.颜色"));
        as(supplier.token()).body(Api.listing(category, "M90t")).post("/api/v1/products").then().statusCode(201)
                .body("status", equalTo("LISTED")).body("price", equalTo("4999.00"));
        as(supplier.token()).body(Api.listing(category, "m90T")).post("/api/v1/products").then().statusCode(409)
                .body("type", equalTo("urn:emall:problem:duplicate-listing"));
    }

    @Test
    void takenDownListingStaysDownWhenCorrectedAndIsListedAgainOnRelist() {
        String officer = Api.officerToken();
        String category = Api.category(officer);
        Api.Admitted supplier = Api.admittedSupplier(officer);
        long id = Api.listProduct(supplier.token(), category);
        as(supplier.token()).body(Map.of("reason", "x")).post("/api/v1/products/" + id + "/takedown").then().statusCode(403);
        as(officer).body(Map.of("reason", "参数与实物不符")).post("/api/v1/products/" + id + "/takedown")
                .then().statusCode(200).body("status", equalTo("TAKEN_DOWN"));
        Map<String, Object> corrected = new HashMap<>(Api.listing(category, "corrected-" + id));
        as(supplier.token()).body(corrected).put("/api/v1/products/" + id).then().statusCode(200)
                .body("status", equalTo("TAKEN_DOWN")).body("model", equalTo("corrected-" + id));
        as(supplier.token()).post("/api/v1/products/" + id + "/relist").then().statusCode(200)
                .body("status", equalTo("LISTED"));
        as(supplier.token()).post("/api/v1/products/" + id + "/relist").then().statusCode(409);
    }

    @Test
    void relistIsRefusedWhileTheListingBreaksTheChangedTemplate() {
        String officer = Api.officerToken();
        String category = Api.category(officer);
        Api.Admitted supplier = Api.admittedSupplier(officer);
        long id = Api.listProduct(supplier.token(), category);
        as(officer).body(Map.of("reason", "整改")).post("/api/v1/products/" + id + "/takedown").then().statusCode(200);
        as(officer).body(Map.of("code", category, "name", "台式计算机", "parameters", List.of(
                        Map.of("name", "CPU型号", "type", "TEXT", "required", true),
                        Map.of("name", "内存", "type", "NUMBER", "unit", "GB", "min", 4, "max", 256, "required", true),
                        Map.of("name", "硬盘类型", "type", "ENUM", "values", List.of("SSD", "HDD"), "required", true),
                        Map.of("name", "能效等级", "type", "ENUM", "values", List.of("1级", "2级"), "required", true))))
                .put("/api/v1/categories/" + category).then().statusCode(200);
        as(officer).get("/api/v1/categories/" + category + "/nonconforming-products").then().statusCode(200)
                .body("listing.id", hasItem((int) id));
        as(supplier.token()).get("/api/v1/products/" + id).then().statusCode(200).body("status", equalTo("TAKEN_DOWN"));
        as(supplier.token()).post("/api/v1/products/" + id + "/relist").then().statusCode(400)
                .body("errors.field", hasItem("parameters.能效等级"));
        Map<String, Object> fixed = new HashMap<>(Api.listing(category, "fixed-" + id));
        fixed.put("parameters", Map.of("CPU型号", "i5", "内存", 16, "硬盘类型", "SSD", "能效等级", "1级"));
        as(supplier.token()).body(fixed).put("/api/v1/products/" + id).then().statusCode(200);
        as(supplier.token()).post("/api/v1/products/" + id + "/relist").then().statusCode(200).body("status", equalTo("LISTED"));
    }

    @Test
    void withdrawnListingIsFinal() {
        String officer = Api.officerToken();
        String category = Api.category(officer);
        Api.Admitted supplier = Api.admittedSupplier(officer);
        long id = Api.listProduct(supplier.token(), category);
        as(supplier.token()).post("/api/v1/products/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(supplier.token()).post("/api/v1/products/" + id + "/relist").then().statusCode(409);
        as(supplier.token()).body(Api.listing(category, "again")).put("/api/v1/products/" + id).then().statusCode(409);
    }

    @Test
    void supplierSeesOnlyItsOwnListingsAndOfficerSeesAll() {
        String officer = Api.officerToken();
        String category = Api.category(officer);
        Api.Admitted a = Api.admittedSupplier(officer);
        Api.Admitted b = Api.admittedSupplier(officer);
        long mine = Api.listProduct(a.token(), category);
        long theirs = Api.listProduct(b.token(), category);
        as(a.token()).get("/api/v1/products/" + theirs).then().statusCode(404);
        as(a.token()).body(Api.listing(category, "x")).put("/api/v1/products/" + theirs).then().statusCode(404);
        as(a.token()).post("/api/v1/products/" + theirs + "/withdraw").then().statusCode(404);
        as(a.token()).get("/api/v1/products?size=200").then().statusCode(200)
                .body("items.id", hasItem((int) mine)).body("items.id", not(hasItem((int) theirs)));
        as(officer).get("/api/v1/products?supplierId=" + b.id()).then().statusCode(200)
                .body("items.id", hasItem((int) theirs)).body("total", equalTo(1));
    }

    @Test
    void pendingSupplierCannotList() {
        String officer = Api.officerToken();
        String category = Api.category(officer);
        String code = Api.newCreditCode();
        Api.apply(code);
        as(Api.token(code, Api.SUPPLIER_PASSWORD)).body(Api.listing(category, "p")).post("/api/v1/products")
                .then().statusCode(409).body("type", equalTo("urn:emall:problem:supplier-not-active"));
    }
}
