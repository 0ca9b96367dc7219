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
        return application(creditCode, upload(null, "营业执照.pdf", TestFiles.pdf("Business licence " + creditCode)));
    }

    /** An application whose business licence is the document already uploaded. */
    public static Map<String, Object> application(String creditCode, String licence) {
        return Map.of("name", "呼和浩特市测试科技有限公司 " + creditCode.substring(10), "creditCode", creditCode,
                "legalRepresentative", "王伟", "contactName", "李娜", "contactPhone", "0471-6612345",
                "email", "sales@example.cn", "region", "内蒙古自治区呼和浩特市", "password", SUPPLIER_PASSWORD,
                "materials", List.of(Map.of("kind", "BUSINESS_LICENSE", "documentRef", licence)));
    }

    /**
     * Uploads a document (anonymously when the token is null, as an applicant does); answers its id,
     * the documentRef that materials name.
     */
    public static String upload(String token, String filename, byte[] bytes) {
        return multipart(token).multiPart("file", filename, bytes, "application/octet-stream")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    /** A business licence uploaded by the officer, as the go-live import names them. */
    public static String officerLicence(String creditCode) {
        return upload(officerToken(), "营业执照-" + creditCode + ".pdf", TestFiles.pdf("Business licence " + creditCode));
    }

    /** A request for a multipart upload, as the caller (anonymous when the token is null), its names in UTF-8 as browsers send them. */
    public static RequestSpecification multipart(String token) {
        RequestSpecification request = RestAssured.given().config(RestAssured.config()
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig()
                        .defaultCharset(java.nio.charset.StandardCharsets.UTF_8)));
        return token == null ? request : request.auth().oauth2(token);
    }

    /** A material for an appeal or an answer: a contract the supplier uploads itself. */
    public static Map<String, Object> contract(String supplierToken) {
        return Map.of("kind", "CONTRACT", "documentRef", upload(supplierToken, "合同.pdf", TestFiles.pdf("Contract")));
    }

    /** Applies with a new code; answers the supplier id. */
    public static long apply(String creditCode) {
        return apply(application(creditCode));
    }

    /** Applies with a new code and the business licence already uploaded; answers the supplier id. */
    public static long apply(String creditCode, String licence) {
        return apply(application(creditCode, licence));
    }

    private static long apply(Map<String, Object> application) {
        return ((Number) RestAssured.given().contentType(ContentType.JSON).body(application)
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

    /** A desktop-computer category with a fresh code; answers the code. */
    public static String category(String officerToken) {
        String code = "DESKTOP-" + SEQUENCE.incrementAndGet();
        as(officerToken).body(Map.of("code", code, "name", "台式计算机", "parameters", List.of(
                        Map.of("name", "CPU型号", "type", "TEXT", "required", true),
                        Map.of("name", "内存", "type", "NUMBER", "unit", "GB", "min", 4, "max", 256, "required", true),
                        Map.of("name", "硬盘类型", "type", "ENUM", "values", List.of("SSD", "HDD"), "required", true),
                        Map.of("name", "节能认证", "type", "BOOLEAN", "required", false))))
                .post("/api/v1/categories").then().statusCode(201);
        return code;
    }

    public static Map<String, Object> listing(String categoryCode, String model) {
        return Map.of("categoryCode", categoryCode, "brand", "联想", "model", model, "name", "联想启天台式机 " + model,
                "price", "4999.00", "parameters", Map.of("CPU型号", "i5-12500", "内存", 16, "硬盘类型", "SSD"));
    }

    /** Lists a product for the supplier; answers its id. */
    public static long listProduct(String supplierToken, String categoryCode) {
        return ((Number) as(supplierToken).body(listing(categoryCode, "M" + SEQUENCE.incrementAndGet()))
                .post("/api/v1/products").then().statusCode(201).extract().path("id")).longValue();
    }

    private static volatile String orderSystemToken;

    /** The order system's token (the account is created once per run). */
    public static synchronized String orderSystemToken() {
        if (orderSystemToken == null) {
            String name = "orders-" + SEQUENCE.incrementAndGet();
            as(officerToken()).body(Map.of("username", name, "password", "orders-password", "role", "ORDER_SYSTEM"))
                    .post("/api/v1/accounts").then().statusCode(201);
            orderSystemToken = token(name, "orders-password");
        }
        return orderSystemToken;
    }

    public static Map<String, Object> sale(String orderNo, int lineNo, long supplierId, long productId, int quantity,
                                           String unitPrice, String occurredAt) {
        return Map.of("orderNo", orderNo, "lineNo", lineNo, "supplierId", supplierId, "productId", productId,
                "buyer", "呼和浩特市第一中学", "quantity", quantity, "unitPrice", unitPrice,
                "amount", new java.math.BigDecimal(unitPrice).multiply(java.math.BigDecimal.valueOf(quantity)).setScale(2).toPlainString(),
                "occurredAt", occurredAt);
    }

    public static Map<String, Object> saleReturn(String orderNo, int lineNo, long supplierId, long productId, int quantity,
                                                 String unitPrice, String occurredAt, String originalOrderNo, int originalLineNo) {
        Map<String, Object> line = new java.util.HashMap<>(sale(orderNo, lineNo, supplierId, productId, quantity, unitPrice, occurredAt));
        line.put("refersTo", Map.of("orderNo", originalOrderNo, "lineNo", originalLineNo));
        return line;
    }

    /**
     * The present second in Asia/Shanghai, as a sale's {@code occurredAt}: never ahead of the service's clock, and
     * always on the day of a supplier admitted moments ago (a moment "a minute ago" is yesterday just after midnight).
     */
    public static String justNow() {
        return java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    public static String newOrderNo() {
        return "ZC-" + SEQUENCE.incrementAndGet();
    }

    /** A request that sends a CSV file (UTF-8) with the token. */
    public static RequestSpecification asCsv(String token) {
        return RestAssured.given().auth().oauth2(token).contentType("text/csv; charset=UTF-8");
    }

    /** A supplier for {@code POST /api/v1/imports/suppliers}: an application admitted on the date, with the listings. */
    public static Map<String, Object> historicalSupplier(String creditCode, String admittedOn, List<Map<String, Object>> products) {
        Map<String, Object> supplier = new java.util.HashMap<>(application(creditCode, officerLicence(creditCode)));
        supplier.put("admittedOn", admittedOn);
        supplier.put("products", products);
        return supplier;
    }

    /** A listing of an imported supplier, in a category made by {@link #category}, listed since the date. */
    public static Map<String, Object> historicalListing(String categoryCode, String model, String listedOn) {
        Map<String, Object> listing = new java.util.HashMap<>(listing(categoryCode, model));
        listing.put("listedOn", listedOn);
        return listing;
    }

    /** A supplier imported as admitted on a past date, with one listing listed that day. */
    public record Imported(long id, String creditCode, long productId) {
    }

    /**
     * Imports a supplier admitted on the date, with one listing in the category listed the same day. Suppliers
     * admitted through the API are admitted today; this is how a test gets one with a past.
     */
    public static Imported importedSupplier(String officerToken, String categoryCode, String admittedOn) {
        String code = newCreditCode();
        var answer = as(officerToken)
                .body(List.of(historicalSupplier(code, admittedOn,
                        List.of(historicalListing(categoryCode, "H" + SEQUENCE.incrementAndGet(), admittedOn)))))
                .post("/api/v1/imports/suppliers").then().statusCode(200).extract();
        return new Imported(((Number) answer.path("suppliers[0].supplierId")).longValue(), code,
                ((Number) answer.path("suppliers[0].products[0].productId")).longValue());
    }
}
