package cn.emall.mail;

import cn.emall.testsupport.Api;
import cn.emall.testsupport.BoardStory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * E-mail to suppliers through a real SMTP server in the test JVM (GreenMail on a port of 127.0.0.1):
 * the delisting notice arrives in Chinese with its rule, window and deadline; a server that refuses and
 * then accepts gets the message on the next attempt; a message whose every attempt fails is FAILED and
 * listed by {@code ?delivery=FAILED}. The retry schedule is shortened to 2s,2s (three attempts).
 */
@QuarkusTest
@TestProfile(MailDeliveryTest.WithMailServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailDeliveryTest {

    private static final Logger LOG = Logger.getLogger(MailDeliveryTest.class);
    private static final int PORT = TestMailServer.sharedPort("test.mail-server.port");
    private static final TestMailServer SERVER = new TestMailServer(PORT);

    public static class WithMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emall.mail.host", "127.0.0.1", "emall.mail.port", String.valueOf(PORT),
                    "emall.mail.from", "noreply@emall.test", "emall.mail.start-tls", "DISABLED",
                    "emall.mail.retry-delays", "2s,2s", "emall.mail.every", "1s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void serverUp() {
        SERVER.accept();
    }

    @AfterAll
    static void serverDown() {
        SERVER.close();
    }

    @Test
    @Order(1)
    void theDelistingNoticeReachesTheSupplierInChineseWithTheRuleTheWindowAndTheDeadline() throws Exception {
        String officer = Api.officerToken();
        BoardStory.Delisted supplier;
        try {
            supplier = BoardStory.delist(dataSource, officer, "包头市北方办公设备有限公司").get(0);
        } finally {
            BoardStory.backToTheRealClock(officer);
        }
        Delivery delivery = awaitDelivery(officer, supplier.noticeId(), d -> "SENT".equals(d.getString("status")));
        assertEquals("EMAIL", delivery.getString("channel"));
        assertEquals("sales@example.cn", delivery.getString("address"));
        assertEquals("notice.issued", delivery.getString("message"));
        assertEquals(1, delivery.getInt("attempts"));
        assertTrue(delivery.getString("reply").startsWith("250"), "the server's acceptance is kept: " + delivery.getString("reply"));
        OffsetDateTime sentAt = OffsetDateTime.parse(delivery.getString("sentAt"));
        assertTrue(!sentAt.isBefore(OffsetDateTime.parse(delivery.getString("firstAttemptAt"))));

        MimeMessage mail = SERVER.received().stream()
                .filter(m -> TestMailServer.text(m).contains("#" + supplier.noticeId() + "（清退公示）")).findFirst()
                .orElseThrow(() -> new AssertionError("GreenMail received no e-mail of notice " + supplier.noticeId()));
        String subject = TestMailServer.subject(mail);
        String text = TestMailServer.text(mail);
        LOG.infof("The delisting e-mail as the supplier reads it:%nSubject: %s%n%n%s", subject, text);
        assertTrue(mail.getContentType().toLowerCase().contains("charset=utf-8"), mail.getContentType());
        assertEquals("sales@example.cn", mail.getAllRecipients()[0].toString());
        assertEquals("【政府采购电子卖场】清退公示: 连续2年销售业绩为零", subject);
        assertTrue(text.startsWith("包头市北方办公设备有限公司："), text);
        assertTrue(text.contains("依据：电子卖场管理办法：连续2年销售业绩为零的供应商，终止入驻协议并予以清退"), text);
        assertTrue(text.contains("考核期：" + BoardStory.WINDOW_FROM + " 至 " + BoardStory.WINDOW_TO), text);
        assertTrue(text.contains("申诉期：自收到本通知之日起3个工作日内"), text);
        assertTrue(text.contains("截止时间：" + BoardStory.APPEAL_DEADLINE + " 24:00（北京时间）"), text);
        assertTrue(text.contains("POST /api/v1/notices/" + supplier.noticeId() + "/appeal"), text);
        assertTrue(text.contains("经核查，贵单位在2022-01-01至2023-12-31期间销售业绩为零"), "the notice's own text is quoted: " + text);

        long runId = ((Number) as(officer).get("/api/v1/cleanup-runs").then().statusCode(200).extract().path("items[0].id"))
                .longValue();
        Map<String, Object> evidence = as(officer).get("/api/v1/cleanup-runs/" + runId).then().statusCode(200).extract()
                .path("actions.find { it.noticeId == " + supplier.noticeId() + " }.evidence");
        assertEquals("SENT", evidence.get("deliveryStatus"), "the run report's evidence gives the delivery status: " + evidence);
        assertEquals(sentAt.toInstant(), OffsetDateTime.parse((String) evidence.get("deliverySentAt")).toInstant());
    }

    @Test
    @Order(2)
    void aServerThatRefusesThenAcceptsGetsTheMessageOnTheNextAttempt() throws Exception {
        String officer = Api.officerToken();
        Api.Admitted supplier = admitted(officer);
        SERVER.refuse();
        long notice = processingNotice(officer, supplier, "补充资质材料");
        Delivery refused = awaitDelivery(officer, notice, d -> d.getInt("attempts") >= 1 && d.getString("error") != null);
        SERVER.accept();
        assertEquals("QUEUED", refused.getString("status"), "a refusal is tried again");
        assertTrue(refused.getString("error").contains("421"), "the server's answer is kept: " + refused.getString("error"));

        Delivery sent = awaitDelivery(officer, notice, d -> "SENT".equals(d.getString("status")));
        assertEquals(2, sent.getInt("attempts"));
        assertEquals(refused.getString("firstAttemptAt"), sent.getString("firstAttemptAt"));
        assertTrue(OffsetDateTime.parse(sent.getString("sentAt")).isAfter(OffsetDateTime.parse(sent.getString("firstAttemptAt"))));
        assertTrue(sent.getString("reply").startsWith("250"), sent.getString("reply"));
        Optional<MimeMessage> mail = SERVER.withSubject("补充资质材料");
        assertTrue(mail.isPresent(), "GreenMail has the message");
        assertTrue(TestMailServer.text(mail.get()).contains("POST /api/v1/notices/" + notice + "/response"));
    }

    @Test
    @Order(3)
    void aMessageWhoseEveryAttemptFailsIsFailedAndListedForOfficers() throws Exception {
        String officer = Api.officerToken();
        Api.Admitted supplier = admitted(officer);
        SERVER.down();
        long notice = processingNotice(officer, supplier, "说明价格依据");
        Delivery failed = awaitDelivery(officer, notice, d -> "FAILED".equals(d.getString("status")));
        SERVER.accept();
        assertEquals(3, failed.getInt("attempts"), "the first attempt and one after each wait of 2s,2s");
        assertNotNull(failed.getString("error"));
        assertEquals(null, failed.getString("sentAt"));

        as(officer).get("/api/v1/notices?delivery=FAILED&size=200").then().statusCode(200)
                .body("items.id", hasItem((int) notice));
        as(officer).get("/api/v1/notices?delivery=SENT&size=200").then().statusCode(200)
                .body("items.id", not(hasItem((int) notice)));
        as(supplier.token()).get("/api/v1/notices?delivery=FAILED").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) notice)));
        as(officer).get("/api/v1/notices?delivery=LOST").then().statusCode(400)
                .body("errors[0].field", equalTo("delivery"));
    }

    static Api.Admitted admitted(String officer) {
        return Api.admittedSupplier(officer);
    }

    static long processingNotice(String officer, Api.Admitted supplier, String subject) {
        return ((Number) as(officer).body(Map.of("supplierId", supplier.id(), "subject", subject,
                        "body", "请于期限内通过电子卖场提交说明及证明材料。", "workingDays", 5))
                .post("/api/v1/notices").then().statusCode(201).extract().path("id")).longValue();
    }

    /** The notice's first delivery once it matches, as the officer reads the notice; 20 s at most. */
    static Delivery awaitDelivery(String officer, long notice, Predicate<Delivery> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Delivery last = null;
        while (System.nanoTime() < deadline) {
            JsonPath read = as(officer).get("/api/v1/notices/" + notice).then().statusCode(200).extract().jsonPath();
            if (!read.getList("deliveries").isEmpty()) {
                last = new Delivery(read.getMap("deliveries[0]"));
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        fail("the delivery of notice " + notice + " did not get there: " + (last == null ? "none written" : last.fields()));
        return null;
    }

    /** A notice's delivery as the API answers it. */
    record Delivery(Map<String, Object> fields) {
        String getString(String name) {
            Object value = fields.get(name);
            return value == null ? null : value.toString();
        }

        int getInt(String name) {
            return ((Number) fields.get(name)).intValue();
        }
    }
}
