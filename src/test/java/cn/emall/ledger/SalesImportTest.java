package cn.emall.ledger;

import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SalesImportTest {

    private static final String HEADER = "orderNo,lineNo,supplierId,productId,buyer,quantity,unitPrice,amount,occurredAt,"
            + "refersToOrderNo,refersToLineNo";
    private static final String BUYER = "\"呼和浩特市第一中学, 总务处\"";
    private static final String SOLD_AT = "2023-03-01T10:00:00+08:00";

    String officer;
    Api.Imported supplier;
    String order;

    @BeforeEach
    void setUp() {
        officer = Api.officerToken();
        supplier = Api.importedSupplier(officer, Api.category(officer), "2022-01-10");
        order = Api.newOrderNo();
    }

    /** A data row: order line i of the test's order, 2 units at 100.00. */
    private String row(int i, String amount, String occurredAt) {
        return order + "," + i + "," + supplier.id() + "," + supplier.productId() + "," + BUYER + ",2,100.00," + amount + ","
                + occurredAt + ",,";
    }

    private String csv(int lines) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 1; i <= lines; i++) {
            csv.append(row(i, "200.00", SOLD_AT)).append("\r\n");
        }
        return csv.toString();
    }

    private Response post(String token, String csv) {
        return Api.asCsv(token).body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/sales");
    }

    private void ledgerHolds(int lines) {
        as(officer).get("/api/v1/sales?supplierId=" + supplier.id()).then().statusCode(200).body("total", equalTo(lines));
    }

    @Test
    void csvImportOfSeveralHundredLinesIsStoredAndReadable() {
        post(officer, csv(300)).then().statusCode(200)
                .body("lines", equalTo(300)).body("created", equalTo(300)).body("alreadyStored", equalTo(0));
        as(officer).get("/api/v1/sales?supplierId=" + supplier.id() + "&size=200").then().statusCode(200)
                .body("total", equalTo(300))
                .body("items[0].orderNo", equalTo(order))
                .body("items[0].buyer", equalTo("呼和浩特市第一中学, 总务处"))
                .body("items[0].amount", equalTo("200.00"));
    }

    @Test
    void sameFileImportedTwiceIsStoredOnce() {
        String file = csv(50);
        post(officer, file).then().statusCode(200).body("created", equalTo(50));
        post(officer, file).then().statusCode(200).body("created", equalTo(0)).body("alreadyStored", equalTo(50));
        ledgerHolds(50);
    }

    @Test
    void oneBadLineAmongTwoThousandRejectsTheWholeImportNamingTheLineAndField() {
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 2000; i++) {
            int fileLine = i + 1;
            file.append(row(i, fileLine == 1500 ? "250.00" : "200.00", SOLD_AT)).append('\n');
        }
        post(officer, file.toString()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:import-rejected"))
                .body("rejectedLines", equalTo(1))
                .body("lines", hasSize(1))
                .body("lines[0].line", equalTo(1500))
                .body("lines[0].field", equalTo("amount"));
        ledgerHolds(0);
    }

    @Test
    void brokenQuotingIsALineErrorNamingTheLine() {
        String file = HEADER + "\n" + row(1, "200.00", SOLD_AT) + "\n"
                + order + ",2," + supplier.id() + "," + supplier.productId() + ",\"第一中学\"总务处,2,100.00,200.00," + SOLD_AT + ",,\n"
                + row(3, "200.00", SOLD_AT) + "\n";
        Api.asCsv(officer).header("Accept-Language", "en").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports/sales").then().statusCode(400)
                .body("type", equalTo("urn:emall:problem:import-rejected"))
                .body("lines[0].line", equalTo(3))
                .body("lines[0].field", equalTo("buyer"))
                .body("lines[0].message", containsString("quote"));
        ledgerHolds(0);
    }

    @Test
    void cellsThatDoNotParseAreLineErrorsNamingTheColumn() {
        String file = HEADER + "\n" + row(1, "200.00", "2024-02-30T10:00:00+08:00") + "\n"
                + row(2, "two hundred", SOLD_AT) + "\n";
        post(officer, file).then().statusCode(400)
                .body("rejectedLines", equalTo(2))
                .body("lines[0].line", equalTo(2)).body("lines[0].field", equalTo("occurredAt"))
                .body("lines[1].line", equalTo(3)).body("lines[1].field", equalTo("amount"));
        ledgerHolds(0);
    }

    @Test
    void unknownOrMissingColumnsRefuseTheFileNamingThem() {
        String file = "orderNo,lineNo,supplierId,productId,buyer,quantity,unitPrice,price,occurredAt\n";
        post(officer, file).then().statusCode(400)
                .body("type", equalTo("urn:emall:problem:import-columns"))
                .body("errors.field", hasItem("price"))
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void saleBeforeTheSuppliersAdmissionIsRefused() {
        post(officer, HEADER + "\n" + row(1, "200.00", "2022-01-09T10:00:00+08:00") + "\n").then().statusCode(400)
                .body("lines[0].line", equalTo(2))
                .body("lines[0].field", equalTo("occurredAt"))
                .body("lines[0].message", containsString("2022-01-10"));
        ledgerHolds(0);
    }

    @Test
    void jsonImportStoresSalesAndReturns() {
        List<Map<String, Object>> lines = List.of(
                Api.sale(order, 1, supplier.id(), supplier.productId(), 3, "100.00", SOLD_AT),
                Api.saleReturn(order + "-R", 1, supplier.id(), supplier.productId(), -1, "100.00", "2023-03-05T09:00:00+08:00",
                        order, 1));
        as(officer).body(lines).post("/api/v1/imports/sales").then().statusCode(200)
                .body("lines", equalTo(2)).body("created", equalTo(2));
        as(officer).get("/api/v1/sales?supplierId=" + supplier.id()).then().statusCode(200)
                .body("total", equalTo(2)).body("items[1].refersTo.orderNo", equalTo(order));
    }

    @Test
    void jsonElementOfTheWrongTypeIsALineErrorNotAFailure() {
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Api.sale(order, 1, supplier.id(), supplier.productId(), 1, "100.00", SOLD_AT));
        Map<String, Object> wrong = new HashMap<>(Api.sale(order, 2, supplier.id(), supplier.productId(), 1, "100.00", SOLD_AT));
        wrong.put("quantity", "many");
        lines.add(wrong);
        lines.add(Api.sale(order, 3, supplier.id(), supplier.productId(), 1, "100.00", SOLD_AT));
        as(officer).body(lines).post("/api/v1/imports/sales").then().statusCode(400)
                .body("type", equalTo("urn:emall:problem:import-rejected"))
                .body("lines", hasSize(1))
                .body("lines[0].line", equalTo(2))
                .body("lines[0].field", equalTo("quantity"));
        ledgerHolds(0);
    }

    /** PostgreSQL refuses NUL in text: such a line once answered 500 from the database. */
    @Test
    void aCsvLineWhoseOrderNoHoldsANulIsRefusedNamingTheLineAndField() {
        String file = HEADER + "\n" + row(1, "200.00", SOLD_AT) + "\n" + row(2, "200.00", SOLD_AT).replaceFirst(order, order + "\u0000X")
                + "\n" + row(3, "200.00", SOLD_AT).replace(BUYER, "第一中学\u001B") + "\n";
        post(officer, file).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:import-rejected"))
                .body("rejectedLines", equalTo(2))
                .body("lines[0].line", equalTo(3)).body("lines[0].field", equalTo("orderNo"))
                .body("lines[0].message", containsString("U+0000"))
                .body("lines[1].line", equalTo(4)).body("lines[1].field", equalTo("buyer"))
                .body("lines[1].message", containsString("U+001B"));
        ledgerHolds(0);
    }

    @Test
    void aJsonLineWhoseOrderNoHoldsANulOrALoneSurrogateIsRefusedNamingTheLineAndField() {
        String body = "["
                + jsonLine(order, 1) + ","
                + jsonLine(order + "\\u0000X", 2) + ","
                + jsonLine(order + "\\ud800", 3) + "]";
        as(officer).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/imports/sales").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:emall:problem:import-rejected"))
                .body("rejectedLines", equalTo(2))
                .body("lines[0].line", equalTo(2)).body("lines[0].field", equalTo("orderNo"))
                .body("lines[0].message", containsString("U+0000"))
                .body("lines[1].line", equalTo(3)).body("lines[1].field", equalTo("orderNo"))
                .body("lines[1].message", containsString("U+D800"));
        ledgerHolds(0);
    }

    /** A sale as JSON text, its order number written as given (escapes and all). */
    private String jsonLine(String orderNo, int lineNo) {
        return "{\"orderNo\": \"" + orderNo + "\", \"lineNo\": " + lineNo + ", \"supplierId\": " + supplier.id()
                + ", \"productId\": " + supplier.productId() + ", \"buyer\": \"呼和浩特市第一中学\", \"quantity\": 2,"
                + " \"unitPrice\": \"100.00\", \"amount\": \"200.00\", \"occurredAt\": \"" + SOLD_AT + "\"}";
    }

    @Test
    void onlyOfficersMayImport() {
        String supplierToken = Api.token(supplier.creditCode(), Api.SUPPLIER_PASSWORD);
        post(supplierToken, csv(1)).then().statusCode(403);
        post(Api.orderSystemToken(), csv(1)).then().statusCode(403);
        ledgerHolds(0);
    }
}
