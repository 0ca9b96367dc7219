package cn.emall.events;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes events into the outbox ({@code event}) in the caller's transaction: the change and its
 * event commit together or not at all. The owners of state call it where they make their changes;
 * delivery (the feed, webhooks, e-mail) reads the outbox afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final Jdbc jdbc;
    private final JsonText json;
    private final BusinessDates dates;

    public Outbox(Jdbc jdbc, JsonText json, BusinessDates dates) {
        this.jdbc = jdbc;
        this.json = json;
        this.dates = dates;
    }

    /** An event's data from name-value pairs, in order, values possibly null: {@code data("supplierId", 7, "reason", null)}. */
    public static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }

    /**
     * A version 7 UUID (RFC 9562): the Unix time in milliseconds, then random bits. Ids made one after
     * another sort together, so the unique index on them grows at its end, as the outbox does, instead
     * of at a random page for every event (a night writes a quarter of a million).
     */
    static UUID timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** One event about one subject; {@code data} is serialised as JSON. */
    public record Event(EventType type, String subjectKind, Object subjectId, Object data) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, String subjectKind, Object subjectId, Object data) {
        publishAll(List.of(new Event(type, subjectKind, subjectId, data)));
    }

    /** The same kind of event about many subjects, each with its own data, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(Collection<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> ids = events.stream().map(event -> timeOrderedId().toString()).toList();
        List<String> types = events.stream().map(event -> event.type().wire()).toList();
        List<String> kinds = events.stream().map(Event::subjectKind).toList();
        List<String> subjects = events.stream().map(event -> String.valueOf(event.subjectId())).toList();
        List<String> data = events.stream().map(event -> json.write(event.data())).toList();
        jdbc.update("insert into event (id, type, occurred_at, subject_kind, subject_id, data) "
                        + "select cast(e.id as uuid), e.type, ?, e.kind, e.subject, cast(e.data as jsonb) "
                        + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality "
                        + "as e(id, type, kind, subject, data, n) order by e.n",
                dates.now(), ids, types, kinds, subjects, data);
    }
}
