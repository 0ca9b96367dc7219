package cn.emall.webhooks;

import cn.emall.audit.AuditTrail;
import cn.emall.events.EventConsumers;
import cn.emall.events.EventCursor;
import cn.emall.events.EventFeed;
import cn.emall.events.EventType;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.time.RealTime;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.text.Msg;
import cn.emall.webhooks.model.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The registered receivers: registering (the secret generated, sealed and shown once), reading,
 * deleting, and the record of their deliveries. Sending is {@link WebhookDeliveries}'.
 */
@ApplicationScoped
public class Webhooks {

    /** The name under which webhooks follow the outbox (EventConsumers). */
    static final String CONSUMER = "webhooks";

    private static final String VIEW = "select w.id, w.url, w.events, w.description, w.status, w.disabled_reason, "
            + "w.disabled_at, w.created_at, w.created_by, "
            + "(select count(*) from webhook_delivery d where d.webhook_id = w.id and d.status = 'PENDING') from webhook w ";

    private final Jdbc jdbc;
    private final EventConsumers consumers;
    private final EventFeed feed;
    private final SecretSealing sealing;
    private final WebhookSender sender;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Clock clock;

    public Webhooks(Jdbc jdbc, EventConsumers consumers, EventFeed feed, SecretSealing sealing, WebhookSender sender,
                    AuditTrail audit, BusinessDates dates, @RealTime Clock clock) {
        this.jdbc = jdbc;
        this.consumers = consumers;
        this.feed = feed;
        this.sealing = sealing;
        this.sender = sender;
        this.audit = audit;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * Registers a receiver for the events that come after this moment. 400 names {@code url} when it
     * is not https or its host resolves to an address that is not public, and {@code events[i]} for
     * an unknown type.
     */
    @Transactional
    public RegisteredWebhook register(String actor, WebhookRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        sender.refusal(request.url()).ifPresent(refusal -> errors.add(new InvalidField("url", refusal)));
        List<String> known = Arrays.stream(EventType.values()).map(EventType::wire).toList();
        for (int i = 0; i < request.events().size(); i++) {
            String type = request.events().get(i).strip();
            if (EventType.ofWire(type).isEmpty()) {
                errors.add(new InvalidField("events[" + i + "]", Msg.WEBHOOK_EVENT_UNKNOWN.with(type, String.join(", ", known))));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> types = List.copyOf(new LinkedHashSet<>(request.events().stream().map(String::strip).toList()));
        String url = request.url().strip();
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        // Held while the receiver is written: no event is handed to webhooks between the start and the commit.
        consumers.hold(CONSUMER);
        EventCursor start = feed.end();
        WebhookSecret secret = WebhookSecret.generate();
        var now = clock.instant();
        long id = jdbc.one("insert into webhook (url, events, description, secret_sealed, status, created_by, created_at, "
                        + "start_tx, start_position, next_attempt_at) values (?, ?, ?, ?, 'ACTIVE', ?, ?, ?::text::xid8, ?, ?) "
                        + "returning id", rs -> rs.getLong(1), url, types, description, sealing.seal(secret), actor, now,
                Long.toString(start.tx()), start.position(), now).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("url", url);
        after.put("events", types);
        after.put("description", description);
        audit.record(actor, "WEBHOOK_REGISTERED", AuditTrail.subject("webhook", id), null, after);
        return new RegisteredWebhook(id, url, types, description, "ACTIVE", dates.local(now), secret.text());
    }

    public PageResponse<WebhookView> list(PageRequest page) {
        List<WebhookView> items = jdbc.list(VIEW + "order by w.id limit ? offset ?", this::view, page.size(), page.offset());
        return new PageResponse<>(items, page.page(), page.size(), jdbc.count("select count(*) from webhook"));
    }

    public WebhookView get(long id) {
        return jdbc.one(VIEW + "where w.id = ?", this::view, id)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_WEBHOOK.with(id)));
    }

    /** Where a receiver is and the secret to sign for it with (sealed). */
    record Target(String url, String sealedSecret) {
    }

    Target target(long id) {
        return jdbc.one("select url, secret_sealed from webhook where id = ?", rs -> new Target(rs.getString(1), rs.getString(2)), id)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_WEBHOOK.with(id)));
    }

    /** Deletes the receiver with its queue and record; an attempt in flight is not recorded. */
    @Transactional
    public void delete(String actor, long id) {
        WebhookView before = get(id);
        jdbc.update("delete from webhook where id = ?", id);
        audit.record(actor, "WEBHOOK_DELETED", AuditTrail.subject("webhook", id), before, null);
    }

    /** The receiver's deliveries, newest first, each with every attempt. */
    public PageResponse<DeliveryView> deliveries(long webhookId, PageRequest page) {
        get(webhookId);
        List<DeliveryView> items = deliveryViews("where d.webhook_id = ? order by d.id desc limit ? offset ?",
                webhookId, page.size(), page.offset());
        return new PageResponse<>(items, page.page(), page.size(),
                jdbc.count("select count(*) from webhook_delivery where webhook_id = ?", webhookId));
    }

    DeliveryView delivery(long deliveryId) {
        return deliveryViews("where d.id = ?", deliveryId).get(0);
    }

    private List<DeliveryView> deliveryViews(String where, Object... parameters) {
        record Row(long id, UUID eventId, String type, String status, Timestamp created, Timestamp delivered) {
        }
        List<Row> rows = jdbc.list("select d.id, d.event_id, d.event_type, d.status, d.created_at, d.delivered_at "
                        + "from webhook_delivery d " + where,
                rs -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5), rs.getTimestamp(6)), parameters);
        if (rows.isEmpty()) {
            return List.of();
        }
        record Attempt(long deliveryId, DeliveryView.Attempt attempt) {
        }
        Map<Long, List<DeliveryView.Attempt>> attempts = jdbc.list("select delivery_id, attempted_at, status_code, error, "
                + "duration_ms from webhook_attempt where delivery_id = any(?) order by id", rs -> {
            int code = rs.getInt(3);
            Integer statusCode = rs.wasNull() ? null : code;
            return new Attempt(rs.getLong(1), new DeliveryView.Attempt(local(rs.getTimestamp(2)), statusCode, rs.getString(4),
                    rs.getLong(5)));
        }, rows.stream().map(Row::id).toList()).stream().collect(Collectors.groupingBy(Attempt::deliveryId,
                Collectors.mapping(Attempt::attempt, Collectors.toList())));
        return rows.stream().map(row -> new DeliveryView(row.id(), row.eventId(), row.type(), row.status(),
                local(row.created()), local(row.delivered()), attempts.getOrDefault(row.id(), List.of()))).toList();
    }

    private WebhookView view(ResultSet rs) throws SQLException {
        Array events = rs.getArray(3);
        return new WebhookView(rs.getLong(1), rs.getString(2), List.of((String[]) events.getArray()), rs.getString(4),
                rs.getString(5), rs.getString(6), local(rs.getTimestamp(7)), local(rs.getTimestamp(8)), rs.getString(9),
                rs.getLong(10));
    }

    private OffsetDateTime local(Timestamp at) {
        return at == null ? null : dates.local(at.toInstant());
    }
}
