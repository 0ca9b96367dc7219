package cn.emall.hardening;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.TestFiles;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The objects the hardening tests point at, made once per test class: supplier A with listings, a
 * processing notice, an appealed delisting notice; supplier B with an open delisting notice; a pending
 * application; two categories; a dry-run report.
 *
 * <p>Delisting notices come only from a real nightly run, and real runs must go forward in date order
 * (they all live in {@code NightlyRunEndToEndTest}); so the two delisting notices are written straight
 * into the database, with an appeal deadline in 2099 that no run ever lets lapse.
 */
final class World {

    /** A year whose calendar nothing else relies on, so that replacing it changes nothing that matters. */
    static final int SPARE_CALENDAR_YEAR = 2099;

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    final String officer;
    final String orders;
    final String category;
    /** A second category, the one that PUT /categories/{code} may replace. */
    final String spareCategory;
    final Api.Admitted a;
    final Api.Admitted b;
    /** A supplier whose application waits for a decision. */
    final long pending;
    /** A's listing that stays LISTED (sales refer to it). */
    final long product;
    final String productModel;
    /** A's listing for the officer's takedown and then A's relisting. */
    final long takedownProduct;
    /** A's listing for withdrawing (final). */
    final long withdrawProduct;
    /** An officer's processing notice to A. */
    final long processingNotice;
    /** A's delisting notice, appealed by A. */
    final long delistingNotice;
    /** A's pending appeal. */
    final long appeal;
    /** B's delisting notice, open for an appeal. */
    final long openDelistingNoticeOfB;
    /** A dry-run cleanup report. */
    final long run;
    /** A sale of A's listing, recorded by the order system. */
    final long sale;
    /** A staff account (an order system's) created by the officer. */
    final long staffAccount;
    /** A document A uploaded and attached to its appeal: A's and the officers' to read. */
    final String documentOfA;
    /** A webhook receiver on a closed local port (127.0.0.1 is an allowed host in tests): its attempts fail. */
    final long webhook;
    /** A second receiver, the one that DELETE /webhooks/{id} may remove. */
    final long deletableWebhook;

    /** A multipart upload of one file, as the body of an access or bad-input case. */
    record Upload(String filename, byte[] bytes) {
    }

    static Upload upload() {
        return new Upload("licence.pdf", TestFiles.pdf("Business licence " + next()));
    }

    private World(DataSource dataSource) {
        officer = Api.officerToken();
        Api.as(officer).delete("/api/v1/sandbox/clock").then().statusCode(200);
        orders = Api.orderSystemToken();
        category = Api.category(officer);
        spareCategory = Api.category(officer);
        a = Api.admittedSupplier(officer);
        b = Api.admittedSupplier(officer);
        pending = Api.apply(Api.newCreditCode());
        productModel = "HX-" + SEQUENCE.incrementAndGet();
        product = ((Number) Api.as(a.token()).body(Api.listing(category, productModel)).post("/api/v1/products")
                .then().statusCode(201).extract().path("id")).longValue();
        takedownProduct = Api.listProduct(a.token(), category);
        withdrawProduct = Api.listProduct(a.token(), category);
        processingNotice = ((Number) Api.as(officer).body(Map.of("supplierId", a.id(), "subject", "价格核查",
                        "body", "请说明定价依据", "workingDays", 5)).post("/api/v1/notices")
                .then().statusCode(201).extract().path("id")).longValue();
        delistingNotice = insertDelistingNotice(dataSource, a.id());
        documentOfA = Api.upload(a.token(), "销售合同.pdf", TestFiles.pdf("Contract of A"));
        appeal = ((Number) Api.as(a.token()).body(Map.of("reason", "2023年有线下订单未录入",
                        "materials", List.of(Map.of("kind", "CONTRACT", "documentRef", documentOfA))))
                .post("/api/v1/notices/" + delistingNotice + "/appeal").then().statusCode(201).extract().path("id"))
                .longValue();
        openDelistingNoticeOfB = insertDelistingNotice(dataSource, b.id());
        run = ((Number) Api.as(officer).body(Map.of("dryRun", true)).post("/api/v1/cleanup-runs")
                .then().statusCode(201).extract().path("id")).longValue();
        sale = ((Number) Api.as(orders).body(Api.sale("W-" + next(), 1, a.id(), product, 1, "4999.00",
                        Api.justNow()))
                .post("/api/v1/sales").then().statusCode(201).extract().path("id")).longValue();
        staffAccount = ((Number) Api.as(officer).body(Map.of("username", "orders-" + next(), "password", "orders-secret-1",
                        "role", "ORDER_SYSTEM"))
                .post("/api/v1/accounts").then().statusCode(201).extract().path("id")).longValue();
        webhook = registerWebhook(officer);
        deletableWebhook = registerWebhook(officer);
    }

    /** A valid webhook registration: a receiver on 127.0.0.1's discard port, where nothing listens. */
    static Map<String, Object> webhookBody() {
        return Map.of("url", "http://127.0.0.1:9/hooks", "events", List.of("run.finished"), "description", "对接测试");
    }

    private static long registerWebhook(String officer) {
        return ((Number) Api.as(officer).body(webhookBody()).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    static World create(DataSource dataSource) {
        return new World(dataSource);
    }

    static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A request as the caller, with its token (none for {@link Caller#ANONYMOUS}) and no body yet. */
    RequestSpecification call(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> RestAssured.given();
            case SUPPLIER_A -> RestAssured.given().auth().oauth2(a.token());
            case SUPPLIER_B -> RestAssured.given().auth().oauth2(b.token());
            case ORDER_SYSTEM -> RestAssured.given().auth().oauth2(orders);
            case OFFICER -> RestAssured.given().auth().oauth2(officer);
        };
    }

    /** A valid application with a fresh credit code. */
    static Map<String, Object> application() {
        return Api.application(Api.newCreditCode());
    }

    /** A valid category body with the given code (the template of {@link Api#category}). */
    static Map<String, Object> categoryBody(String code) {
        return Map.of("code", code, "name", "台式计算机", "parameters", List.of(
                Map.of("name", "CPU型号", "type", "TEXT", "required", true),
                Map.of("name", "内存", "type", "NUMBER", "unit", "GB", "min", 4, "max", 256, "required", true),
                Map.of("name", "硬盘类型", "type", "ENUM", "values", List.of("SSD", "HDD"), "required", true),
                Map.of("name", "节能认证", "type", "BOOLEAN", "required", false)));
    }

    /** A valid calendar for {@link #SPARE_CALENDAR_YEAR}: New Year's Day off, the Saturday after worked. */
    static Map<String, Object> spareCalendar() {
        return Map.of("holidays", List.of(Map.of("name", "元旦", "from", "2099-01-01", "to", "2099-01-02")),
                "makeupWorkdays", List.of("2099-01-03"));
    }

    private static long insertDelistingNotice(DataSource dataSource, long supplierId) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into notice (supplier_id, kind, status, rule, notice_date, "
                     + "deadline, working_days, subject, body, evidence, issued_by, created_at) values (?, 'DELISTING', 'OPEN', "
                     + "'ZERO_SALES_SUPPLIER', ?, date '2099-12-31', 3, '清退通知', '连续2年销售业绩为零 (hardening fixture)', "
                     + "cast(? as jsonb), 'hardening-fixture', now()) returning id")) {
            s.setLong(1, supplierId);
            s.setObject(2, today);
            s.setString(3, "{\"windowFrom\": \"" + today.minusYears(2) + "\", "
                    + "\"windowTo\": \"" + today.minusDays(1) + "\"}");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the delisting notice fixture", e);
        }
    }
}
