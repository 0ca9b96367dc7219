package cn.emall.platform;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Problems speak Chinese (zh-CN) unless the request asks for English with {@code Accept-Language};
 * {@code Content-Language} says which, and the {@code type} never changes with the language.
 */
@QuarkusTest
class ProblemLanguageTest {

    private static RequestSpecification in(String acceptLanguage) {
        RequestSpecification request = RestAssured.given();
        return acceptLanguage == null ? request : request.header("Accept-Language", acceptLanguage);
    }

    @Test
    void invalidFieldsAreNamedInChineseWithoutAHeaderAndWithZhCn() {
        for (String chinese : new String[] {null, "zh-CN", "zh-CN,zh;q=0.9,en;q=0.8", "fr"}) {
            in(chinese).contentType(ContentType.JSON).body("{}").post("/api/v1/supplier-applications").then()
                    .statusCode(400).contentType("application/problem+json").header("Content-Language", "zh-CN")
                    .body("type", equalTo("urn:emall:problem:validation"))
                    .body("title", equalTo("请求无效"))
                    .body("detail", containsString("项规则"))
                    .body("errors.find { it.field == 'name' }.message", equalTo("不能为空或仅含空白"))
                    .body("errors.find { it.field == 'materials' }.message", equalTo("必须至少提供一份资质材料"));
        }
    }

    @Test
    void invalidFieldsAreNamedInEnglishWhenAskedFor() {
        for (String english : new String[] {"en", "en-US", "fr;q=0.9, en;q=0.8"}) {
            in(english).contentType(ContentType.JSON).body("{}").post("/api/v1/supplier-applications").then()
                    .statusCode(400).header("Content-Language", "en")
                    .body("type", equalTo("urn:emall:problem:validation"))
                    .body("title", equalTo("Invalid request"))
                    .body("errors.find { it.field == 'name' }.message", equalTo("must not be blank"))
                    .body("errors.find { it.field == 'materials' }.message", equalTo("must list at least one qualification document"));
        }
    }

    @Test
    void constraintLimitsAndJsonTypesAreWordedInTheLanguage() {
        Map<String, Object> application = new java.util.HashMap<>(Api.application(Api.newCreditCode()));
        application.put("password", "short");
        in(null).contentType(ContentType.JSON).body(application).post("/api/v1/supplier-applications").then()
                .statusCode(400).body("errors.find { it.field == 'password' }.message", equalTo("必须为 8 至 72 个字符"));
        in("en").contentType(ContentType.JSON).body(application).post("/api/v1/supplier-applications").then()
                .statusCode(400).body("errors.find { it.field == 'password' }.message", equalTo("must be 8 to 72 characters"));
        in(null).contentType(ContentType.JSON).body("{\"materials\": \"x\"}").post("/api/v1/supplier-applications").then()
                .statusCode(400).header("Content-Language", "zh-CN")
                .body("errors[0].field", equalTo("materials")).body("errors[0].message", equalTo("必须是数组"));
        in(null).contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/supplier-applications").then()
                .statusCode(400).body("type", equalTo("urn:emall:problem:malformed-request"))
                .body("title", equalTo("请求格式错误")).body("detail", equalTo("无法将请求体读取为 JSON。"));
    }

    @Test
    void conflictIsWordedInTheLanguage() {
        String officer = Api.officerToken();
        String code = Api.category(officer);
        Map<String, Object> again = Map.of("code", code, "name", "台式计算机", "parameters", List.of());
        as(officer).body(again).post("/api/v1/categories").then().statusCode(409)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:emall:problem:duplicate-category"))
                .body("title", equalTo("品目已存在"))
                .body("detail", equalTo("品目 " + code + " 已存在。"));
        as(officer).header("Accept-Language", "en").body(again).post("/api/v1/categories").then().statusCode(409)
                .header("Content-Language", "en")
                .body("type", equalTo("urn:emall:problem:duplicate-category"))
                .body("title", equalTo("Category exists"))
                .body("detail", equalTo("Category " + code + " already exists."));
    }

    @Test
    void notFoundIsWordedInTheLanguageForObjectsAndPaths() {
        String officer = Api.officerToken();
        as(officer).get("/api/v1/notices/999999999").then().statusCode(404).header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:emall:problem:not-found"))
                .body("title", equalTo("未找到")).body("detail", equalTo("未找到通知 999999999。"));
        as(officer).header("Accept-Language", "en-GB").get("/api/v1/notices/999999999").then().statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not found")).body("detail", equalTo("Notice 999999999 does not exist."));
        in(null).get("/api/v1/nothing-here").then().statusCode(404).header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:emall:problem:not-found")).body("detail", equalTo("没有该资源。"));
        in("en").get("/api/v1/nothing-here").then().statusCode(404).header("Content-Language", "en")
                .body("detail", equalTo("No such resource."));
        in(null).delete("/api/v1/supplier-applications").then().statusCode(405).header("Content-Language", "zh-CN")
                .body("title", equalTo("方法不允许"));
        in(null).contentType(ContentType.XML).body("<a/>").post("/api/v1/supplier-applications").then().statusCode(415)
                .header("Content-Language", "zh-CN").body("title", equalTo("不支持的媒体类型"));
    }

    @Test
    void unauthorizedAndForbiddenAreWordedInTheLanguage() {
        in(null).get("/api/v1/audit").then().statusCode(401).header("Content-Language", "zh-CN")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:emall:problem:unauthorized")).body("title", equalTo("未认证"));
        in("en").get("/api/v1/audit").then().statusCode(401).header("Content-Language", "en")
                .body("type", equalTo("urn:emall:problem:unauthorized")).body("title", equalTo("Unauthorized"));
        in(null).contentType(ContentType.JSON).body(Map.of("username", "nobody-at-all", "password", "wrong-password"))
                .post("/api/v1/auth/token").then().statusCode(401)
                .body("type", equalTo("urn:emall:problem:invalid-credentials")).body("detail", equalTo("用户名或密码不正确。"));
        String supplier = Api.admittedSupplier(Api.officerToken()).token();
        as(supplier).get("/api/v1/audit").then().statusCode(403).header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:emall:problem:forbidden")).body("title", equalTo("无权操作"));
        as(supplier).header("Accept-Language", "en").get("/api/v1/audit").then().statusCode(403)
                .body("detail", equalTo("Your role may not do this."));
    }

    @Test
    void refusedImportLinesAreWordedInTheLanguage() {
        String officer = Api.officerToken();
        String file = "orderNo,lineNo,supplierId,productId,buyer,quantity,unitPrice,amount,occurredAt\n"
                + "ZC-1,1,1,1,\"第一中学\"总务处,1,1.00,1.00,2024-01-01T09:00:00+08:00\n";
        Api.asCsv(officer).body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/sales").then()
                .statusCode(400).header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:emall:problem:import-rejected"))
                .body("title", equalTo("导入被拒绝"))
                .body("lines[0].field", equalTo("buyer")).body("lines[0].message", containsString("引号"));
        Api.asCsv(officer).header("Accept-Language", "en").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/sales").then().statusCode(400).header("Content-Language", "en")
                .body("title", equalTo("Import rejected")).body("lines[0].message", containsString("quote"));
        Api.asCsv(officer).body("orderNo,colour\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/sales").then()
                .statusCode(400).body("type", equalTo("urn:emall:problem:import-columns"))
                .body("errors.message", hasItem("不是已知的列"));
    }
}
