package cn.emall.ledger;

import cn.emall.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
class LedgerTest {

    @Inject
    AgroalDataSource dataSource;

    String officer;
    String orders;
    Api.Admitted supplier;
    long product;

    @BeforeEach
    void setUp() {
        officer = Api.officerToken();
        orders = Api.orderSystemToken();
        supplier = Api.admittedSupplier(officer);
        product = Api.listProduct(supplier.token(), Api.category(officer));
    }

    private static String now() {
        return Api.justNow();
    }

    @Test
    void sameLineTwiceIsStoredOnceAndAnsweredTheSame() {
        String order = Api.newOrderNo();
        Map<String, Object> line = Api.sale(order, 1, supplier.id(), product, 2, "4999.00", now());
        int id = as(orders).body(line).post("/api/v1/sales").then().statusCode(201)
                .body("amount", equalTo("9998.00")).extract().path("id");
        as(orders).body(line).post("/api/v1/sales").then().statusCode(200).body("id", equalTo(id));
        as(officer).get("/api/v1/sales?supplierId=" + supplier.id()).then().body("total", equalTo(1));
    }

    @Test
    void sameKeyWithDifferentContentIsAConflict() {
        String order = Api.newOrderNo();
        as(orders).body(Api.sale(order, 1, supplier.id(), product, 2, "4999.00", now())).post("/api/v1/sales").then().statusCode(201);
        as(orders).body(Api.sale(order, 1, supplier.id(), product, 3, "4999.00", now())).post("/api/v1/sales")
                .then().statusCode(409).body("type", equalTo("urn:emall:problem:idempotency-conflict"));
    }

    @Test
    void amountMustEqualQuantityTimesPriceAndFutureIsRefused() {
        Map<String, Object> line = new HashMap<>(Api.sale(Api.newOrderNo(), 1, supplier.id(), product, 2, "10.00", now()));
        line.put("amount", "25.00");
        as(orders).body(line).post("/api/v1/sales").then().statusCode(400).body("errors[0].field", equalTo("amount"));
        line = new HashMap<>(Api.sale(Api.newOrderNo(), 1, supplier.id(), product, 2, "10.00",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString()));
        as(orders).body(line).post("/api/v1/sales").then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void productOfAnotherSupplierIsRefused() {
        Api.Admitted other = Api.admittedSupplier(officer);
        as(orders).body(Api.sale(Api.newOrderNo(), 1, other.id(), product, 1, "10.00", now())).post("/api/v1/sales")
                .then().statusCode(400).body("errors[0].field", equalTo("productId"));
    }

    @Test
    void saleForAPendingSupplierIsRefused() {
        String code = Api.newCreditCode();
        long pending = Api.apply(code);
        as(orders).body(Api.sale(Api.newOrderNo(), 1, pending, product, 1, "10.00", now())).post("/api/v1/sales")
                .then().statusCode(400);
    }

    @Test
    void returnsCanNeverExceedTheOriginal() {
        String order = Api.newOrderNo();
        as(orders).body(Api.sale(order, 1, supplier.id(), product, 3, "100.00", now())).post("/api/v1/sales").then().statusCode(201);
        as(orders).body(Api.saleReturn(Api.newOrderNo(), 1, supplier.id(), product, -2, "100.00", now(), order, 1))
                .post("/api/v1/sales").then().statusCode(201).body("refersTo.orderNo", equalTo(order));
        as(orders).body(Api.saleReturn(Api.newOrderNo(), 1, supplier.id(), product, -2, "100.00", now(), order, 1))
                .post("/api/v1/sales").then().statusCode(409).body("type", equalTo("urn:emall:problem:over-return"))
                .body("remainingQuantity", equalTo(1));
    }

    @Test
    void twoConcurrentReturnsOfTheWholeLineStoreOnlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            String order = Api.newOrderNo();
            as(orders).body(Api.sale(order, 1, supplier.id(), product, 4, "50.00", now())).post("/api/v1/sales").then().statusCode(201);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Map<String, Object> back = Api.saleReturn(Api.newOrderNo(), 1, supplier.id(), product, -4, "50.00", now(), order, 1);
                Callable<Integer> call = () -> {
                    start.await();
                    return as(orders).body(back).post("/api/v1/sales").statusCode();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            pool.shutdown();
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(201, 409), statuses);
        }
        assertEquals(0, scalar("select count(*) from (select o.id from sale_line o join sale_line r on r.refers_to = o.id "
                + "group by o.id, o.quantity having -sum(r.quantity) > o.quantity) over_returned"));
    }

    @Test
    void batchAnswersEveryLineAndFactsFollowTheLedger() throws SQLException {
        String order = Api.newOrderNo();
        String at = now();
        List<Map<String, Object>> lines = List.of(
                Api.sale(order, 1, supplier.id(), product, 2, "10.00", at),
                Api.sale(order, 2, supplier.id(), product, 1, "10.00", at),
                Api.sale(order, 1, supplier.id(), product, 2, "10.00", at),
                Api.saleReturn(order + "-R", 1, supplier.id(), product, -2, "10.00", at, order, 1),
                Api.sale(order, 3, supplier.id(), 999_999_999L, 1, "10.00", at));
        Response response = as(orders).body(lines).post("/api/v1/sales/batch");
        response.then().statusCode(200).body("created", equalTo(3)).body("alreadyStored", equalTo(1))
                .body("refused", equalTo(1)).body("results[2].status", equalTo(200)).body("results[4].status", equalTo(400));
        assertEquals(new BigDecimal("10.00"), decimal("select net_amount from sales_daily where product_id = " + product));
        assertEquals(new BigDecimal("10.00"), decimal("select sum(amount) from sale_line where product_id = " + product));
    }

    @Test
    void supplierReadsOnlyItsOwnLines() {
        Api.Admitted other = Api.admittedSupplier(officer);
        as(orders).body(Api.sale(Api.newOrderNo(), 1, supplier.id(), product, 1, "10.00", now())).post("/api/v1/sales").then().statusCode(201);
        as(other.token()).get("/api/v1/sales").then().statusCode(200).body("total", equalTo(0));
        as(supplier.token()).get("/api/v1/sales?supplierId=" + other.id()).then().statusCode(200).body("total", equalTo(1));
        as(supplier.token()).body(Api.sale(Api.newOrderNo(), 1, supplier.id(), product, 1, "10.00", now()))
                .post("/api/v1/sales").then().statusCode(403);
        as(supplier.token()).get("/api/v1/sales?from=2024-02-30").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void ledgerRefusesUpdateAndDeleteEvenThroughSql() throws SQLException {
        as(orders).body(Api.sale(Api.newOrderNo(), 1, supplier.id(), product, 1, "10.00", now())).post("/api/v1/sales").then().statusCode(201);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update sale_line set quantity = 99"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from sale_line"));
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private BigDecimal decimal(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
