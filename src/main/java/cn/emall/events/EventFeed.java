package cn.emall.events;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the outbox in feed order. Only events below the oldest transaction still running are
 * served: a transaction that started earlier but commits later than another would otherwise have
 * its events appear behind a cursor that has already passed them. Following {@code next} therefore
 * sees every event once, a transaction's events together.
 */
@ApplicationScoped
public class EventFeed {

    private static final com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>> DATA =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    private final Jdbc jdbc;
    private final JsonText json;
    private final BusinessDates dates;
    private final EventConfig config;

    public EventFeed(Jdbc jdbc, JsonText json, BusinessDates dates, EventConfig config) {
        this.jdbc = jdbc;
        this.json = json;
        this.dates = dates;
        this.config = config;
    }

    /** A page of the feed and the cursor to ask for the next one with. */
    public record Page(List<Stored> items, EventCursor next) {
    }

    /** An event with its position in the feed. */
    public record Stored(EventCursor cursor, EventView view) {
    }

    /** The cursor has been cut off by retention; {@code oldest} is where the feed now starts. */
    public static final class Expired extends Exception {
        private final EventCursor oldest;

        Expired(EventCursor oldest) {
            super("cursor expired");
            this.oldest = oldest;
        }

        public EventCursor oldest() {
            return oldest;
        }
    }

    /** Up to {@code limit} events after the cursor (from the oldest kept when it is empty). */
    public Page after(Optional<EventCursor> after, int limit) throws Expired {
        EventCursor horizon = horizon();
        EventCursor from = after.orElse(horizon);
        if (after.isPresent() && from.compareTo(horizon) < 0) {
            throw new Expired(horizon);
        }
        List<Stored> items = jdbc.list("select position, tx::text::bigint, id, type, occurred_at, subject_kind, subject_id, "
                        + "cast(data as text) from event where (tx, position) > (?::text::xid8, ?) "
                        + "and tx < pg_snapshot_xmin(pg_current_snapshot()) order by tx, position limit ?",
                this::stored, Long.toString(from.tx()), from.position(), limit);
        return new Page(items, items.isEmpty() ? from : items.get(items.size() - 1).cursor());
    }

    /** The events at these outbox positions that are still kept, in feed order: how a channel reads what it delivers. */
    public List<Stored> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.list("select position, tx::text::bigint, id, type, occurred_at, subject_kind, subject_id, cast(data as text) "
                + "from event where position = any(?) order by tx, position", this::stored, positions);
    }

    /**
     * The cursor of the last event served now: every event the feed serves later comes after it,
     * since a transaction still running has an id at or above the one the feed waits for.
     */
    /**
     * Brings PostgreSQL's statistics of the outbox up to date, after a bulk writer (the nightly real run)
     * added a quarter of a million events at once: with the counts of before, the planner took the table
     * for a small one and read all of it, sorted, on each of the channels' reads that follow (a tenth of a
     * second each, hundreds of them while they catch up) instead of the next rows of the feed's index.
     */
    public void refreshStatistics() {
        jdbc.update("analyze event");
    }

    public EventCursor end() {
        return jdbc.one("select tx::text::bigint, position from event where tx < pg_snapshot_xmin(pg_current_snapshot()) "
                        + "order by tx desc, position desc limit 1",
                rs -> new EventCursor(rs.getLong(1), rs.getLong(2))).orElseGet(this::horizon);
    }

    private EventCursor horizon() {
        return jdbc.one("select tx::text::bigint, position from event_horizon",
                rs -> new EventCursor(rs.getLong(1), rs.getLong(2))).orElse(EventCursor.START);
    }

    private Stored stored(ResultSet rs) throws SQLException {
        return new Stored(new EventCursor(rs.getLong(2), rs.getLong(1)),
                new EventView(rs.getObject(3, UUID.class), rs.getString(4), dates.local(rs.getTimestamp(5).toInstant()),
                        new EventView.Subject(rs.getString(6), rs.getString(7)), json.read(rs.getString(8), DATA)));
    }

    /**
     * Deletes the events older than the retention period ({@code emall.events.retention}, 90 days)
     * and moves the horizon past them, so that a cursor before it answers 410.
     */
    @Transactional
    public int expire() {
        Instant before = dates.now().minus(config.retention());
        Optional<EventCursor> last = jdbc.one("select tx::text::bigint, position from event where occurred_at < ? "
                        + "and tx < pg_snapshot_xmin(pg_current_snapshot()) order by tx desc, position desc limit 1",
                rs -> new EventCursor(rs.getLong(1), rs.getLong(2)), before);
        if (last.isEmpty()) {
            return 0;
        }
        int deleted = jdbc.update("delete from event where (tx, position) <= (?::text::xid8, ?)",
                Long.toString(last.get().tx()), last.get().position());
        jdbc.update("insert into event_horizon (tx, position) values (?::text::xid8, ?) on conflict (singleton) "
                + "do update set tx = excluded.tx, position = excluded.position", Long.toString(last.get().tx()),
                last.get().position());
        return deleted;
    }
}
