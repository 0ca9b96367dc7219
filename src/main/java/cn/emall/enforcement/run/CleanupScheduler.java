package cn.emall.enforcement.run;

import cn.emall.platform.error.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The nightly job: at 01:00 in the business zone ({@code emall.cleanup.cron}, "off" to switch it off;
 * {@code emall.zone}, Asia/Shanghai) it runs the cleanup for today. When another instance has the
 * night already, this one stands aside. The scheduler reads {@code timeZone} as a property expression
 * at start-up, so the cron and the business dates share one zone setting.
 */
@ApplicationScoped
public class CleanupScheduler {

    private static final Logger LOG = Logger.getLogger(CleanupScheduler.class);

    private final CleanupRunner runner;

    public CleanupScheduler(CleanupRunner runner) {
        this.runner = runner;
    }

    @Scheduled(identity = "nightly-cleanup", cron = "{emall.cleanup.cron}", timeZone = "{emall.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        try {
            long id = runner.run(null, false, CleanupRunner.Trigger.SCHEDULED, "scheduler");
            LOG.infof("Nightly cleanup finished: report %d", id);
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            LOG.infof("Nightly cleanup not run here: %s", e.getMessage());
        }
    }
}
