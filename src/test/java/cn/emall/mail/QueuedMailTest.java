package cn.emall.mail;

import cn.emall.platform.time.RealTime;
import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no mail server configured (the default, as the README's two commands run the service), nothing
 * is sent and nothing is dropped: the e-mail waits QUEUED, unattempted, and goes out once there is a
 * server to send it to.
 */
@QuarkusTest
class QueuedMailTest {

    @Inject
    MailSender sender;

    @Inject
    @RealTime
    Clock clock;

    @Test
    void withoutAMailServerTheMessageStaysQueuedAndGoesOutWhenThereIsOne() throws Exception {
        String officer = Api.officerToken();
        Api.Admitted supplier = Api.admittedSupplier(officer);
        long notice = MailDeliveryTest.processingNotice(officer, supplier, "核实经营地址");
        MailDeliveryTest.Delivery queued = MailDeliveryTest.awaitDelivery(officer, notice, d -> true);
        Thread.sleep(2_500);
        MailDeliveryTest.Delivery later = MailDeliveryTest.awaitDelivery(officer, notice, d -> true);
        for (MailDeliveryTest.Delivery d : new MailDeliveryTest.Delivery[] {queued, later}) {
            assertEquals("QUEUED", d.getString("status"));
            assertEquals(0, d.getInt("attempts"), "no attempt without a server");
            assertNull(d.getString("firstAttemptAt"));
            assertNull(d.getString("error"));
        }

        int port = TestMailServer.freePort();
        try (TestMailServer server = new TestMailServer(port)) {
            server.accept();
            SmtpServer configured = new SmtpServer(new SmtpServer.Settings("127.0.0.1", port, "noreply@emall.test",
                    Optional.empty(), Optional.empty(), MailConfig.StartTls.DISABLED, Duration.ofSeconds(10)), clock);
            assertTrue(sender.sendDue(configured) >= 1);
            MailDeliveryTest.Delivery sent = MailDeliveryTest.awaitDelivery(officer, notice, d -> "SENT".equals(d.getString("status")));
            assertEquals(1, sent.getInt("attempts"));
            assertTrue(server.withSubject("核实经营地址").isPresent(), "the queued message reached the server");
        }
    }
}
