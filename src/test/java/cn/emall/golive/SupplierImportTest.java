package cn.emall.golive;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SupplierImportTest {

    private static final String PATH = "/api/v1/imports/suppliers";

    String officer;
    String category;

    @BeforeEach
    void setUp() {
        officer = Api.officerToken();
        category = Api.category(officer);
    }

    private static String daysFromToday(int days) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(days).toString();
    }

    private void noSupplierWith(String creditCode) {
        as(officer).get("/api/v1/suppliers?q=" + creditCode).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void importedSuppliersLogInWithTheirAdmissionAndListingDates() {
        String first = Api.newCreditCode();
        String second = Api.newCreditCode();
        ExtractableResponse<Response> answer = as(officer).body(List.of(
                        Api.historicalSupplier(first, "2021-03-15", List.of(
                                Api.historicalListing(category, "M-100", "2021-04-01"),
                                Api.historicalListing(category, "M-200", "2022-06-30"))),
                        Api.historicalSupplier(second, "2022-05-20", List.of(
                                Api.historicalListing(category, "M-100", "2022-05-20")))))
                .post(PATH).then().statusCode(200)
                .body("suppliers", hasSize(2))
                .body("suppliers[0].creditCode", equalTo(first))
                .body("suppliers[0].products.model", containsInAnyOrder("M-100", "M-200"))
                .body("suppliers[1].creditCode", equalTo(second))
                .body("suppliers[1].products", hasSize(1))
                .extract();
        long firstId = ((Number) answer.path("suppliers[0].supplierId")).longValue();

        String token = Api.token(first, Api.SUPPLIER_PASSWORD);
        as(token).get("/api/v1/suppliers/me").then().statusCode(200)
                .body("id", equalTo((int) firstId))
                .body("status", equalTo("ACTIVE"))
                .body("admittedOn", equalTo("2021-03-15"))
                .body("decisionReason", equalTo("historical import"));
        as(token).get("/api/v1/products").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.listedOn", containsInAnyOrder("2021-04-01", "2022-06-30"))
                .body("items.status", everyItem(equalTo("LISTED")));
        as(officer).get("/api/v1/audit?subject=supplier/" + firstId).then().statusCode(200)
                .body("items.action", hasItem("SUPPLIER_IMPORTED"));
    }

    @Test
    void oneBadProductParameterRejectsTheWholeFile() {
        String good = Api.newCreditCode();
        String bad = Api.newCreditCode();
        Map<String, Object> badListing = new HashMap<>(Api.historicalListing(category, "M-1", "2021-04-01"));
        badListing.put("parameters", Map.of("CPU型号", "i5-12500", "内存", "lots", "硬盘类型", "SSD"));
        as(officer).body(List.of(
                        Api.historicalSupplier(good, "2021-03-15", List.of(Api.historicalListing(category, "M-1", "2021-04-01"))),
                        Api.historicalSupplier(bad, "2021-03-15", List.of(badListing))))
                .post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:import-rejected"))
                .body("rejectedLines", equalTo(1))
                .body("lines[0].line", equalTo(2))
                .body("lines[0].field", equalTo("products[0].parameters.内存"));
        noSupplierWith(good);
        noSupplierWith(bad);
    }

    @Test
    void creditCodeTwiceInTheFileIsRefused() {
        String code = Api.newCreditCode();
        as(officer).header("Accept-Language", "en").body(List.of(Api.historicalSupplier(code, "2021-03-15", List.of()),
                        Api.historicalSupplier(code, "2021-06-01", List.of())))
                .post(PATH).then().statusCode(400)
                .body("lines", hasSize(1))
                .body("lines[0].line", equalTo(2))
                .body("lines[0].field", equalTo("creditCode"))
                .body("lines[0].message", containsString("line 1"));
        noSupplierWith(code);
    }

    @Test
    void creditCodeWithAPendingApplicationIsRefused() {
        String code = Api.newCreditCode();
        Api.apply(code);
        as(officer).body(List.of(Api.historicalSupplier(code, "2021-03-15", List.of())))
                .post(PATH).then().statusCode(400)
                .body("lines[0].field", equalTo("creditCode"))
                .body("lines[0].message", containsString("PENDING"));
    }

    @Test
    void admissionInTheFutureAndListingBeforeAdmissionAreRefused() {
        String future = Api.newCreditCode();
        String early = Api.newCreditCode();
        as(officer).body(List.of(Api.historicalSupplier(future, daysFromToday(2), List.of()),
                        Api.historicalSupplier(early, "2021-03-15", List.of(Api.historicalListing(category, "M-1", "2021-03-14")))))
                .post(PATH).then().statusCode(400)
                .body("rejectedLines", equalTo(2))
                .body("lines[0].line", equalTo(1)).body("lines[0].field", equalTo("admittedOn"))
                .body("lines[1].line", equalTo(2)).body("lines[1].field", equalTo("products[0].listedOn"));
    }

    @Test
    void sameBrandAndModelTwiceForOneSupplierIsRefusedWhateverTheCase() {
        String code = Api.newCreditCode();
        Map<String, Object> upper = new HashMap<>(Api.historicalListing(category, "M-ABC", "2021-04-01"));
        Map<String, Object> lower = new HashMap<>(Api.historicalListing(category, "m-abc", "2021-05-01"));
        as(officer).body(List.of(Api.historicalSupplier(code, "2021-03-15", List.of(upper, lower))))
                .post(PATH).then().statusCode(400)
                .body("lines[0].field", equalTo("products[1].model"));
    }

    @Test
    void pilotCodeFailingItsCheckCharacterNeedsAnOverrideReason() {
        as(officer).body(List.of(Api.historicalSupplier("91350211M00013FA1N", "2021-03-15", List.of())))
                .post(PATH).then().statusCode(400)
                .body("lines.field", hasItem("checkOverrideReason"));
    }

    @Test
    void csvImportCreatesSuppliersWithoutListings() {
        String first = Api.newCreditCode();
        String second = Api.newCreditCode();
        String csv = "\uFEFFname,creditCode,legalRepresentative,contactName,contactPhone,email,region,password,admittedOn,"
                + "materialKind,materialRef\r\n"
                + "\"呼和浩特市甲科技有限公司, 分公司\"," + first + ",王伟,李娜,0471-6612345,a@example.cn,内蒙古自治区呼和浩特市,"
                + Api.SUPPLIER_PASSWORD + ",2020-11-02,BUSINESS_LICENSE," + Api.officerLicence(first) + "\r\n"
                + "呼和浩特市乙科技有限公司," + second + ",张敏,赵磊,0471-6654321,b@example.cn,内蒙古自治区呼和浩特市,"
                + Api.SUPPLIER_PASSWORD + ",2021-01-04,BUSINESS_LICENSE," + Api.officerLicence(second) + "\r\n";
        Api.asCsv(officer).body(csv.getBytes(StandardCharsets.UTF_8)).post(PATH).then().statusCode(200)
                .body("suppliers.creditCode", containsInAnyOrder(first, second))
                .body("suppliers[0].products", hasSize(0));
        as(Api.token(first, Api.SUPPLIER_PASSWORD)).get("/api/v1/suppliers/me").then().statusCode(200)
                .body("name", equalTo("呼和浩特市甲科技有限公司, 分公司"))
                .body("admittedOn", equalTo("2020-11-02"));
    }

    @Test
    void csvRowWithAnImpossibleDateIsALineErrorNamingTheColumn() {
        String code = Api.newCreditCode();
        String csv = "name,creditCode,legalRepresentative,contactName,contactPhone,email,region,password,admittedOn,"
                + "materialKind,materialRef\n"
                + "呼和浩特市丙科技有限公司," + code + ",王伟,李娜,0471-6612345,c@example.cn,内蒙古自治区呼和浩特市,"
                + Api.SUPPLIER_PASSWORD + ",2021-02-30,BUSINESS_LICENSE," + Api.officerLicence(code) + "\n";
        Api.asCsv(officer).body(csv.getBytes(StandardCharsets.UTF_8)).post(PATH).then().statusCode(400)
                .body("lines[0].line", equalTo(2))
                .body("lines[0].field", equalTo("admittedOn"));
        noSupplierWith(code);
    }

    @Test
    void onlyOfficersMayImport() {
        Api.Admitted supplier = Api.admittedSupplier(officer);
        as(supplier.token()).body(List.of(Api.historicalSupplier(Api.newCreditCode(), "2021-03-15", List.of())))
                .post(PATH).then().statusCode(403);
    }
}
