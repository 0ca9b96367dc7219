package cn.emall.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * How announcements come onto the board, on the sandbox clock as in NightlyRunEndToEndTest: suppliers
 * admitted on 2021-06-01 that sell nothing get delisting notices from the real run of 2024-01-01 (window
 * 2022-01-01..2023-12-31; New Year's Day is a holiday, so the appeal deadline is 2024-01-04).
 */
public final class BoardStory {

    public static final String NOTICE_DATE = "2024-01-01";
    public static final String WINDOW_FROM = "2022-01-01";
    public static final String WINDOW_TO = "2023-12-31";
    public static final String APPEAL_DEADLINE = "2024-01-04";
    public static final String APPEAL_REASON = "2023年有线下订单未录入";

    /** A supplier of the story and its delisting notice. */
    public record Delisted(String name, String creditCode, long supplierId, String token, long noticeId) {
    }

    private BoardStory() {
    }

    /** Admits one supplier per name on 2021-06-01, runs the night of 2024-01-01 for real, and answers their notices. */
    public static List<Delisted> delist(DataSource dataSource, String officer, String... names) throws SQLException {
        RealRuns.forgetAll(dataSource);
        at(officer, "2021-06-01T10:00:00+08:00");
        List<Api.Admitted> admitted = new ArrayList<>();
        for (String name : names) {
            String code = Api.newCreditCode();
            Map<String, Object> application = new HashMap<>(Api.application(code));
            application.put("name", name);
            long id = ((Number) RestAssured.given().contentType(ContentType.JSON).body(application)
                    .post("/api/v1/supplier-applications").then().statusCode(201).extract().path("supplierId")).longValue();
            Api.approve(officer, id);
            admitted.add(new Api.Admitted(id, code, Api.token(code, Api.SUPPLIER_PASSWORD)));
        }
        at(officer, NOTICE_DATE + "T01:00:00+08:00");
        as(officer).body(Map.of("dryRun", false)).post("/api/v1/cleanup-runs").then().statusCode(201)
                .body("asOf", equalTo(NOTICE_DATE));
        List<Delisted> delisted = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Api.Admitted supplier = admitted.get(i);
            long notice = ((Number) as(supplier.token()).get("/api/v1/notices?kind=DELISTING").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].deadline", equalTo(APPEAL_DEADLINE))
                    .extract().path("items[0].id")).longValue();
            delisted.add(new Delisted(names[i], supplier.creditCode(), supplier.id(), supplier.token(), notice));
        }
        return delisted;
    }

    /** On 2024-01-03 the supplier appeals (unrecorded sales), and the officer accepts: the notice is withdrawn. */
    public static void appealAccepted(String officer, Delisted supplier) {
        long appeal = appealed(officer, supplier);
        as(officer).body(Map.of("decision", "ACCEPT", "reason", "核实有销售业绩，系台账漏录"))
                .post("/api/v1/appeals/" + appeal + "/decision").then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    /** On 2024-01-03 15:00 the supplier appeals, claiming sales of 2023 that were not recorded, with its contract; answers the appeal's id. */
    public static long appealed(String officer, Delisted supplier) {
        at(officer, "2024-01-03T15:00:00+08:00");
        return ((Number) as(supplier.token()).body(Map.of("reason", APPEAL_REASON,
                        "materials", List.of(Api.contract(supplier.token()))))
                .post("/api/v1/notices/" + supplier.noticeId() + "/appeal").then().statusCode(201).extract().path("id"))
                .longValue();
    }

    public static void backToTheRealClock(String officer) {
        as(officer).delete("/api/v1/sandbox/clock").then().statusCode(200);
    }

    public static void at(String officer, String moment) {
        as(officer).body(Map.of("now", moment)).put("/api/v1/sandbox/clock").then().statusCode(200);
    }
}
