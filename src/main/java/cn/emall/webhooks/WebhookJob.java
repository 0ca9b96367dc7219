package cn.emall.webhooks;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Every {@code emall.webhooks.poll} (1 s), queues the new events for the receivers and sends what is
 * due, on every instance ({@link WebhookDeliveries} keeps them from sending anything twice).
 */
@ApplicationScoped
public class WebhookJob {

    private static final Duration TURN = Duration.ofSeconds(30);

    private final WebhookDeliveries deliveries;
    private final WebhookConfig config;

    public WebhookJob(WebhookDeliveries deliveries, WebhookConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    @Scheduled(identity = "webhook-deliveries", every = "${emall.webhooks.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        deliveries.work(TURN, config.deliver());
    }
}
