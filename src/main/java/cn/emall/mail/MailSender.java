package cn.emall.mail;

import cn.emall.platform.retry.RetrySchedule;
import cn.emall.platform.time.RealTime;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends the queued e-mails that are due to the configured mail server ({@code emall.mail.host}), every
 * {@code emall.mail.every}: claims a batch, sends it over one connection, records each outcome, and goes
 * on while messages are due. Without a server nothing is claimed and nothing is lost: the messages stay
 * {@code QUEUED} until the service runs with one. A failed attempt is tried again after the waits of
 * {@code emall.mail.retry-delays}; when they are spent the message is {@code FAILED}.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final MailDeliveries deliveries;
    private final MailConfig config;
    private final RetrySchedule schedule;
    private final Optional<SmtpServer> server;

    public MailSender(MailDeliveries deliveries, MailConfig config, @RealTime Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.schedule = RetrySchedule.parse(config.retryDelays());
        this.server = SmtpServer.Settings.of(config).map(settings -> new SmtpServer(settings, clock));
    }

    void announce(@Observes StartupEvent start) {
        if (server.isEmpty()) {
            LOG.info("No mail server configured (emall.mail.host): e-mails to suppliers are queued, not sent");
            return;
        }
        SmtpServer.Settings settings = server.get().settings();
        LOG.infof("E-mails to suppliers go to %s:%d from %s; failed attempts are tried again after %s", settings.host(),
                settings.port(), settings.from(), schedule);
        if (schedule.total().compareTo(Duration.ofHours(24)) < 0) {
            LOG.warnf("emall.mail.retry-delays spans only %s: a message is given up as FAILED within a day", schedule.total());
        }
    }

    @Scheduled(identity = "mail-sender", every = "{emall.mail.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        server.ifPresent(this::sendDue);
    }

    /** Sends what is due to this server until nothing is; answers how many messages it accepted. */
    public int sendDue(SmtpServer to) {
        int accepted = 0;
        while (true) {
            List<MailDeliveries.Claimed> batch = deliveries.claim(config.batchSize(), config.claimFor());
            if (batch.isEmpty()) {
                return accepted;
            }
            accepted += send(to, batch);
        }
    }

    /**
     * Sends a claimed batch over one connection (opened again if the server dropped it). When the
     * server cannot be reached, every message of the batch has failed this attempt alike.
     */
    private int send(SmtpServer to, List<MailDeliveries.Claimed> batch) {
        int accepted = 0;
        SmtpServer.Connection connection = null;
        try {
            for (int i = 0; i < batch.size(); i++) {
                MailDeliveries.Claimed message = batch.get(i);
                if (connection == null || !connection.isOpen()) {
                    close(connection);
                    try {
                        connection = to.connect();
                    } catch (SmtpServer.Refused e) {
                        LOG.warnf("Mail server not reached, %d e-mails wait for their next attempt: %s", batch.size() - i,
                                e.getMessage());
                        batch.subList(i, batch.size()).forEach(m -> deliveries.failed(m, e.getMessage(), schedule));
                        return accepted;
                    }
                }
                try {
                    deliveries.sent(message, connection.send(new SmtpServer.Letter(message.address(), message.subject(),
                            message.body())));
                    accepted++;
                } catch (SmtpServer.Refused e) {
                    LOG.warnf("E-mail %d to %s, attempt %d, refused: %s", message.id(), message.address(), message.attempts(),
                            e.getMessage());
                    deliveries.failed(message, e.getMessage(), schedule);
                }
            }
        } finally {
            close(connection);
        }
        return accepted;
    }

    private static void close(SmtpServer.Connection connection) {
        if (connection != null) {
            connection.close();
        }
    }
}
