package cn.emall.webhooks;

import cn.emall.events.EventConfig;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.RealTime;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Every night at 03:30, deletes the record of deliveries that ended (delivered or failed) longer ago
 * than the feed keeps events ({@code emall.events.retention}, 90 days), with their attempts.
 */
@ApplicationScoped
public class WebhookRetention {

    private static final Logger LOG = Logger.getLogger(WebhookRetention.class);

    private final Jdbc jdbc;
    private final EventConfig config;
    private final Clock clock;

    public WebhookRetention(Jdbc jdbc, EventConfig config, @RealTime Clock clock) {
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "webhook-retention", cron = "0 30 3 * * ?", timeZone = "{emall.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int deleted = jdbc.update("delete from webhook_delivery where status <> 'PENDING' and created_at < ?",
                clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("Deleted the record of %d webhook deliveries older than the feed's retention", deleted);
        }
    }
}
