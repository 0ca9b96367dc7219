package cn.emall.webhooks;

import cn.emall.audit.AuditTrail;
import cn.emall.events.EventConsumers;
import cn.emall.events.EventFeed;
import cn.emall.events.EventView;
import cn.emall.events.Outbox;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.retry.RetrySchedule;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.time.RealTime;
import cn.emall.platform.web.JsonText;
import cn.emall.webhooks.model.WebhookSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Delivers the outbox to the receivers. Two steps, each safe with several service instances:
 * <ol>
 * <li>Queueing: webhooks follow the outbox as the consumer {@code webhooks} ({@link EventConsumers});
 *     each event becomes one delivery row per active receiver that asked for its type, in the
 *     transaction that moves the consumer's position, so none is lost or queued twice.</li>
 * <li>Sending: an instance claims receivers whose oldest undelivered event is due
 *     ({@code FOR UPDATE SKIP LOCKED}, then a lease of {@code emall.webhooks.lease} renewed after every
 *     attempt) and sends that receiver's events one by one in feed order, recording each attempt as it
 *     ends. A failure holds the receiver back for the next delay of the retry schedule, so that its
 *     events still arrive in order; 410 Gone, or the schedule spent, disables it.</li>
 * </ol>
 * No transaction stays open while a request is in flight (the feed would wait for it). An instance
 * that dies mid-request leaves that one event undelivered in the record; it is sent again (same
 * {@code webhook-id}) once the lease has run out.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
    private static final int EVENTS_PER_PAGE = 1000;
    private static final int HEADS_PER_READ = 100;
    /** Sent to one receiver per claim before it goes back into the pool, so that busy receivers take turns. */
    private static final int PER_CLAIM = 2000;
    private static final String TEST_TYPE = "webhook.test";

    private final Jdbc jdbc;
    private final EventConsumers consumers;
    private final EventFeed feed;
    private final JsonText json;
    private final SecretSealing sealing;
    private final WebhookSender sender;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final int workers;
    private final ExecutorService pool;
    private volatile boolean stopping;

    public WebhookDeliveries(Jdbc jdbc, EventConsumers consumers, EventFeed feed, JsonText json, SecretSealing sealing,
                             WebhookSender sender, AuditTrail audit, BusinessDates dates, @RealTime Clock clock,
                             WebhookConfig config) {
        this.jdbc = jdbc;
        this.consumers = consumers;
        this.feed = feed;
        this.json = json;
        this.sealing = sealing;
        this.sender = sender;
        this.audit = audit;
        this.dates = dates;
        this.clock = clock;
        this.schedule = RetrySchedule.parse(config.retryDelays());
        Duration atLeast = config.timeout().plusSeconds(30);
        this.lease = config.lease().compareTo(atLeast) < 0 ? atLeast : config.lease();
        this.workers = Math.max(1, config.workers());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one call of {@link #work} did. */
    public record Progress(int queued, int attempts) {
    }

    /**
     * Queues new events and sends what is due until there is nothing left to do or {@code budget}
     * has passed; {@code send} false queues only.
     */
    public Progress work(Duration budget, boolean send) {
        long deadline = System.nanoTime() + budget.toNanos();
        int queued = 0;
        int attempts = 0;
        while (!stopping && System.nanoTime() < deadline) {
            int events = consumers.advance(Webhooks.CONSUMER, EVENTS_PER_PAGE, this::queue);
            int sent = send ? sendRound() : 0;
            queued += events;
            attempts += sent;
            if (events == 0 && sent == 0) {
                break;
            }
        }
        return new Progress(queued, attempts);
    }

    /**
     * The consumer's handler: one delivery per event and active receiver that asked for its type, numbered in feed order
     * so that a receiver's delivery history reads newest first.
     */
    void queue(List<EventFeed.Stored> events) {
        jdbc.update("insert into webhook_delivery (webhook_id, event_id, event_type, event_tx, event_position, status, created_at) "
                        + "select w.id, e.id, e.type, e.tx, e.position, 'PENDING', ? from event e join webhook w "
                        + "on w.status = 'ACTIVE' and e.type = any(w.events) and (e.tx, e.position) > (w.start_tx, w.start_position) "
                        + "where e.position = any(?) order by e.tx, e.position, w.id on conflict (webhook_id, event_id) do nothing",
                clock.instant(), events.stream().map(event -> event.cursor().position()).toList());
    }

    private record Receiver(long id, String url, String sealedSecret, UUID lease) {
    }

    private record Head(long id, UUID eventId, long position, int attempts) {
    }

    /** Claims up to one receiver per worker and sends to each; answers how many attempts were made. */
    private int sendRound() {
        Instant now = clock.instant();
        UUID holder = UUID.randomUUID();
        List<Receiver> claimed = jdbc.list("update webhook set leased_until = ?, lease = ? where id in ("
                        + "select w.id from webhook w where w.status = 'ACTIVE' and w.next_attempt_at <= ? "
                        + "and (w.leased_until is null or w.leased_until < ?) and exists (select 1 from webhook_delivery d "
                        + "where d.webhook_id = w.id and d.status = 'PENDING') order by w.next_attempt_at limit ? "
                        + "for update skip locked) returning id, url, secret_sealed",
                rs -> new Receiver(rs.getLong(1), rs.getString(2), rs.getString(3), holder),
                now.plus(lease), holder, now, now, workers);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Future<Integer>> running = claimed.stream().map(receiver -> pool.submit(() -> sendTo(receiver))).toList();
        int attempts = 0;
        for (Future<Integer> one : running) {
            try {
                attempts += one.get();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "Webhook delivery failed unexpectedly");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return attempts;
            }
        }
        return attempts;
    }

    /** Sends the receiver's due events in feed order until one fails, none is left, or the turn is over. */
    private int sendTo(Receiver receiver) {
        int attempts = 0;
        try {
            WebhookSecret secret = sealing.open(receiver.sealedSecret());
            while (!stopping && attempts < PER_CLAIM) {
                List<Head> heads = jdbc.list("select id, event_id, event_position, attempts from webhook_delivery "
                                + "where webhook_id = ? and status = 'PENDING' order by event_tx, event_position limit ?",
                        rs -> new Head(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getInt(4)),
                        receiver.id(), HEADS_PER_READ);
                if (heads.isEmpty()) {
                    return attempts;
                }
                Map<Long, EventView> events = feed.at(heads.stream().map(Head::position).toList()).stream()
                        .collect(Collectors.toMap(stored -> stored.cursor().position(), EventFeed.Stored::view));
                for (Head head : heads) {
                    if (stopping) {
                        return attempts;
                    }
                    EventView event = events.get(head.position());
                    if (event == null) {
                        expired(head);
                        continue;
                    }
                    WebhookSender.Outcome outcome = sender.send(receiver.url(), secret, head.eventId().toString(),
                            clock.instant().getEpochSecond(), json.write(event));
                    attempts++;
                    if (!(outcome.delivered() ? delivered(receiver, head, outcome) : failed(receiver, head, outcome))) {
                        return attempts;
                    }
                }
            }
            return attempts;
        } finally {
            jdbc.update("update webhook set leased_until = null, lease = null where id = ? and lease = ?",
                    receiver.id(), receiver.lease());
        }
    }

    /** Records a success and renews the lease in one statement; false when the lease was lost meanwhile. */
    private boolean delivered(Receiver receiver, Head head, WebhookSender.Outcome outcome) {
        Instant now = clock.instant();
        return jdbc.one("with d as (update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, "
                        + "last_attempt_at = ?, delivered_at = ? where id = ? and status = 'PENDING' returning id), "
                        + "a as (insert into webhook_attempt (delivery_id, attempted_at, status_code, duration_ms) "
                        + "select id, ?, ?, ? from d) "
                        + "update webhook set leased_until = ? where id = ? and lease = ? returning id",
                rs -> rs.getLong(1), now, now, head.id(), now, outcome.statusCode(), outcome.durationMs(),
                now.plus(lease), receiver.id(), receiver.lease()).isPresent();
    }

    /**
     * Records a failed attempt: the receiver waits for the next delay of the schedule; 410 Gone or a
     * spent schedule fails the delivery and disables the receiver. Always false: the turn is over.
     */
    private boolean failed(Receiver receiver, Head head, WebhookSender.Outcome outcome) {
        Instant now = clock.instant();
        int attempts = head.attempts() + 1;
        Optional<Duration> wait = outcome.gone() ? Optional.empty() : schedule.jitteredDelayAfter(attempts);
        QuarkusTransaction.requiringNew().run(() -> {
            if (jdbc.update("update webhook_delivery set status = ?, attempts = ?, last_attempt_at = ? "
                    + "where id = ? and status = 'PENDING'", wait.isPresent() ? "PENDING" : "FAILED", attempts, now, head.id()) == 0) {
                return;
            }
            attempt(head.id(), now, outcome);
            if (wait.isPresent()) {
                jdbc.update("update webhook set next_attempt_at = ? where id = ? and lease = ?", now.plus(wait.get()),
                        receiver.id(), receiver.lease());
            } else {
                disable(receiver.id(), outcome.gone() ? "GONE" : "RETRIES_SPENT", now);
            }
        });
        return false;
    }

    /** The event is past the feed's retention: nothing left to send, the delivery fails. */
    private void expired(Head head) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            if (jdbc.update("update webhook_delivery set status = 'FAILED', last_attempt_at = ? where id = ? "
                    + "and status = 'PENDING'", now, head.id()) > 0) {
                attempt(head.id(), now, new WebhookSender.Outcome(null, "the event is no longer kept (the feed's retention)", 0));
            }
        });
    }

    private void attempt(long deliveryId, Instant at, WebhookSender.Outcome outcome) {
        jdbc.update("insert into webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms) values (?, ?, ?, ?, ?)",
                deliveryId, at, outcome.statusCode(), outcome.error(), outcome.durationMs());
    }

    private void disable(long webhookId, String reason, Instant now) {
        if (jdbc.update("update webhook set status = 'DISABLED', disabled_reason = ?, disabled_at = ?, leased_until = null, "
                + "lease = null where id = ? and status = 'ACTIVE'", reason, now, webhookId) > 0) {
            audit.record("webhooks", "WEBHOOK_DISABLED", AuditTrail.subject("webhook", webhookId), Map.of("status", "ACTIVE"),
                    Map.of("status", "DISABLED", "reason", reason));
            LOG.warnf("Webhook receiver %d disabled: %s", webhookId, reason);
        }
    }

    /**
     * Sends a test message ({@code webhook.test}, not an event of the feed) to the receiver now, also
     * when it is disabled, and records it as a delivery with its one attempt; answers the delivery's id.
     * A 410 answer disables the receiver here too.
     */
    long test(long webhookId, String url, String sealedSecret) {
        UUID id = UUID.randomUUID();
        EventView message = new EventView(id, TEST_TYPE, dates.local(dates.now()), new EventView.Subject("webhook",
                Long.toString(webhookId)), Outbox.data("webhookId", webhookId, "message", "A test message from the e-mall"));
        Instant now = clock.instant();
        WebhookSender.Outcome outcome = sender.send(url, sealing.open(sealedSecret), id.toString(), now.getEpochSecond(),
                json.write(message));
        Instant ended = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            long delivery = jdbc.one("insert into webhook_delivery (webhook_id, event_id, event_type, status, attempts, created_at, "
                            + "last_attempt_at, delivered_at) values (?, ?, ?, ?, 1, ?, ?, ?) returning id", rs -> rs.getLong(1),
                    webhookId, id, TEST_TYPE, outcome.delivered() ? "DELIVERED" : "FAILED", now, now,
                    outcome.delivered() ? ended : null).orElseThrow();
            attempt(delivery, now, outcome);
            if (outcome.gone()) {
                disable(webhookId, "GONE", ended);
            }
            return delivery;
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void close() {
        stopping = true;
        pool.shutdownNow();
    }
}
