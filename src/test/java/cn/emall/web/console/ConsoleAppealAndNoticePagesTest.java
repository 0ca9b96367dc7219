package cn.emall.web.console;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import cn.emall.testsupport.BoardStory.Delisted;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The appeal and notice pages over HTTP: a decision or a notice the API would refuse is refused beside
 * its field and changes nothing, and the deadline shown before sending is the calendar's, the one the
 * API's deadline endpoint answers and the notice gets.
 */
@QuarkusTest
class ConsoleAppealAndNoticePagesTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Inject
    AgroalDataSource dataSource;

    private String officer;
    private String cookie;

    @BeforeEach
    void signIn() {
        officer = Api.officerToken();
        cookie = ConsoleHttp.session(Api.OFFICER, Api.OFFICER_PASSWORD);
    }

    @AfterEach
    void backToTheRealClock() {
        BoardStory.backToTheRealClock(officer);
    }

    @Test
    void aDecisionWithoutAReasonIsRefusedBesideItsFieldAndTheAppealStaysPending() throws Exception {
        Delisted supplier = BoardStory.delist(dataSource, officer, "兴安盟" + SEQUENCE.incrementAndGet() + "纸业有限公司").get(0);
        long appeal = BoardStory.appealed(officer, supplier);
        String page = console().get("/console/appeals/" + appeal).then().statusCode(200)
                .body(containsString(BoardStory.APPEAL_REASON)).body(containsString("考核期内销售台账")).extract().asString();
        String csrf = ConsoleHttp.token(page);

        console().formParam("_csrf", csrf).formParam("decision", "ACCEPT").formParam("reason", " ")
                .post("/console/appeals/" + appeal + "/decision").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("id=\"reason-error\""));
        console().formParam("_csrf", csrf).formParam("decision", "MAYBE").formParam("reason", "理由")
                .post("/console/appeals/" + appeal + "/decision").then().statusCode(400)
                .body(containsString("id=\"decision-error\"")).body(containsString("ACCEPT"));
        console().formParam("decision", "ACCEPT").formParam("reason", "理由")
                .post("/console/appeals/" + appeal + "/decision").then().statusCode(403);
        as(officer).get("/api/v1/appeals/" + appeal).then().statusCode(200).body("status", equalTo("PENDING"));

        console().redirects().follow(false).formParam("_csrf", csrf).formParam("decision", "REJECT")
                .formParam("reason", "考核期内无销售记录").post("/console/appeals/" + appeal + "/decision").then().statusCode(303);
        as(officer).get("/api/v1/appeals/" + appeal).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo(Api.OFFICER));
        console().formParam("_csrf", csrf).formParam("decision", "ACCEPT").formParam("reason", "再次裁决")
                .post("/console/appeals/" + appeal + "/decision").then().statusCode(409);
    }

    @Test
    void theDeadlineShownBeforeSendingIsTheOneTheCalendarGivesAndTheNoticeGets() {
        BoardStory.at(officer, "2024-09-27T10:00:00+08:00");
        Api.Admitted supplier = Api.admittedSupplier(officer);
        for (int days : new int[] {1, 3, 5, 10}) {
            String expected = RestAssured.get("/api/v1/calendar/deadline?from=2024-09-27&workingDays=" + days).then()
                    .statusCode(200).extract().path("deadline");
            console().get("/console/notices/deadline?workingDays=" + days).then().statusCode(200)
                    .body(containsString("<time datetime=\"" + expected + "\">" + expected + "</time>"));
        }
        console().get("/console/notices/deadline?workingDays=61").then().statusCode(200)
                .body(containsString("无法计算截止日期")).body(not(containsString("id=\"deadline-date\"")));
        console().get("/console/notices/deadline?workingDays=abc").then().statusCode(200).body(containsString("无法计算截止日期"));

        String csrf = ConsoleHttp.token(console().get("/console/notices/new?supplierId=" + supplier.id()).then().statusCode(200)
                .body(containsString("id=\"supplier-name\"")).extract().asString());
        console().formParam("_csrf", csrf).formParam("supplierId", supplier.id()).formParam("subject", "")
                .formParam("body", "内容").formParam("workingDays", "61").post("/console/notices").then().statusCode(400)
                .body(containsString("id=\"subject-error\"")).body(containsString("aria-invalid=\"true\""));
        as(officer).get("/api/v1/notices?kind=PROCESSING&supplierId=" + supplier.id()).then().body("total", equalTo(0));

        String location = console().redirects().follow(false).formParam("_csrf", csrf).formParam("supplierId", supplier.id())
                .formParam("subject", "请核实报价").formParam("body", "请在期限内反馈。").formParam("workingDays", "3")
                .post("/console/notices").then().statusCode(303).extract().header("Location");
        String id = location.replaceAll(".*/console/notices/", "");
        as(officer).get("/api/v1/notices/" + id).then().statusCode(200).body("deadline", equalTo("2024-10-08"))
                .body("supplierId", equalTo((int) supplier.id()));
        as(officer).get("/api/v1/audit?subject=notice/" + id).then().statusCode(200)
                .body(containsString("\"actor\":\"" + Api.OFFICER + "\"")).body(containsString("NOTICE_ISSUED"));
        console().get("/console/suppliers/" + supplier.id()).then().statusCode(200)
                .body(containsString("<td>处理通知：请核实报价</td>")).body(containsString("<td>待处理</td>"))
                .body(not(containsString("<td>公示中</td>")));
    }

    private RequestSpecification console() {
        return RestAssured.given().cookie(Sessions.COOKIE, cookie).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
