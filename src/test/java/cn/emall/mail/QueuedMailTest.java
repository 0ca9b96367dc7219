package cn.emall.mail;

import cn.emall.platform.time.RealTime;
import cn.emall.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    /** Two instances sending at once claim disjoint messages (FOR UPDATE SKIP LOCKED): each message goes out once. */
    @Test
    void twoSendersAtOnceSendEachQueuedMessageOnce() throws Exception {
        String officer = Api.officerToken();
        Api.Admitted supplier = Api.admittedSupplier(officer);
        List<Long> notices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            notices.add(MailDeliveryTest.processingNotice(officer, supplier, "并发核验 " + i + " 号"));
        }
        for (long notice : notices) {
            MailDeliveryTest.awaitDelivery(officer, notice, d -> true);
        }
        int port = TestMailServer.freePort();
        try (TestMailServer server = new TestMailServer(port)) {
            server.accept();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> senders = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    SmtpServer instance = new SmtpServer(new SmtpServer.Settings("127.0.0.1", port, "noreply@emall.test",
                            Optional.empty(), Optional.empty(), MailConfig.StartTls.DISABLED, Duration.ofSeconds(10)), clock);
                    senders.add(pool.submit(() -> sender.sendDue(instance)));
                }
                int accepted = 0;
                for (Future<Integer> f : senders) {
                    accepted += f.get(120, TimeUnit.SECONDS);
                }
                Set<String> ids = new HashSet<>();
                for (MimeMessage m : server.received()) {
                    ids.add(m.getMessageID());
                }
                assertEquals(accepted, server.received().size(), "the server got what the senders say it accepted");
                assertEquals(server.received().size(), ids.size(), "no message twice");
            } finally {
                pool.shutdownNow();
            }
            for (int i = 0; i < notices.size(); i++) {
                String subject = "并发核验 " + i + " 号";
                assertEquals(1, server.received().stream().filter(m -> TestMailServer.subject(m).endsWith(subject)).count(), subject);
                MailDeliveryTest.Delivery sent = MailDeliveryTest.awaitDelivery(officer, notices.get(i),
                        d -> "SENT".equals(d.getString("status")));
                assertEquals(1, sent.getInt("attempts"));
            }
        }
    }
}
