package cn.emall.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every night at 03:00, cuts the feed to its retention period. */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    private final EventFeed feed;

    public EventRetention(EventFeed feed) {
        this.feed = feed;
    }

    @Scheduled(identity = "event-retention", cron = "0 0 3 * * ?", timeZone = "{emall.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int deleted = feed.expire();
        if (deleted > 0) {
            LOG.infof("Deleted %d events older than the feed's retention", deleted);
        }
    }
}
