package cn.emall.events;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * How a delivery channel (webhooks, e-mail) follows the outbox: each channel is a named consumer
 * with a stored position ({@code event_consumer}), and {@link #advance} hands it the events after
 * that position, in the feed's order, and moves the position past them in the same transaction.
 *
 * <p>The channel's {@link Handler} writes its own delivery rows (one per receiver or recipient) in
 * that transaction: the rows and the new position commit together, so an event is handed over once
 * even when the service dies half-way (the transaction rolls back and the events come again). The
 * consumer's row is locked for the transaction ({@code FOR UPDATE SKIP LOCKED}): while one service
 * instance advances a consumer, another's call returns 0 at once instead of waiting, so several
 * instances never hand out the same event twice.
 *
 * <p>Sending happens afterwards and outside this transaction: a channel's workers claim its delivery
 * rows with {@code FOR UPDATE SKIP LOCKED} (and a lease while they send), and record each attempt.
 * Holding a transaction open while sending would hold the feed back for every reader, since the feed
 * serves only events below the oldest transaction still running.
 *
 * <pre>{@code
 * @Scheduled(every = "1s", concurrentExecution = SKIP)
 * void follow() {
 *     while (consumers.advance("mail", 500, events -> deliveries.queue(events)) > 0) { }
 * }
 * }</pre>
 *
 * A consumer seen for the first time starts at the end of the feed: turning a channel on does not
 * replay the events already kept. A consumer whose position retention has cut off carries on from
 * the oldest event kept (and says so in the log).
 *
 * <p>While a bulk writer holds {@link #BULK_WRITE_LOCK} (the nightly real run, on any instance),
 * consumers take nothing and catch up once it lets go: a province's first night writes a quarter of a
 * million events, and reading them while it runs would share its two cores with it. A night's
 * e-mail and webhooks therefore leave when the run has finished, seconds to minutes later.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    /**
     * The PostgreSQL advisory lock (session level) a bulk writer holds while it works: "emall" in ASCII,
     * the key the nightly real run has always taken.
     */
    public static final long BULK_WRITE_LOCK = 0x656d616c6cL;

    /** What a channel does with the next events, in their feed order, inside the consumer's transaction. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<EventFeed.Stored> events);
    }

    private final Jdbc jdbc;
    private final EventFeed feed;
    private final BusinessDates dates;

    public EventConsumers(Jdbc jdbc, EventFeed feed, BusinessDates dates) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.dates = dates;
    }

    /**
     * Hands up to {@code limit} events after the consumer's position to {@code handler} and moves the
     * position past them, in a transaction of its own. When the handler throws, nothing is kept and
     * the same events come again on the next call.
     *
     * @param consumer the channel's name, at most 40 characters (such as {@code webhooks})
     * @return how many events were handed over: 0 when there are none yet, or when another instance
     *         is advancing this consumer right now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int advance(String consumer, int limit, Handler handler) {
        Optional<EventCursor> locked = lock(consumer);
        if (locked.isEmpty() || limit > 0 && bulkWriteInProgress()) {
            return 0;
        }
        EventFeed.Page page;
        try {
            page = feed.after(locked, limit);
        } catch (EventFeed.Expired e) {
            LOG.warnf("Consumer %s was behind the feed's retention; it carries on from the oldest event kept", consumer);
            try {
                page = feed.after(Optional.of(e.oldest()), limit);
            } catch (EventFeed.Expired again) {
                throw new IllegalStateException("the feed's horizon moved while consumer " + consumer + " advanced", again);
            }
        }
        if (!page.items().isEmpty()) {
            handler.handle(page.items());
        }
        jdbc.update("update event_consumer set tx = ?::text::xid8, position = ?, advanced_at = ? where name = ?",
                Long.toString(page.next().tx()), page.next().position(), dates.now(), consumer);
        return page.items().size();
    }

    /**
     * Holds the consumer for the caller's transaction, waiting while an advance is in progress: a
     * change the channel makes to how it handles events (a new webhook receiver) then applies to
     * every event handed out after the caller commits, and to none handed out before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(String consumer) {
        String held = "select 1 from event_consumer where name = ? for update";
        if (jdbc.one(held, rs -> 1, consumer).isEmpty()) {
            lock(consumer);
            jdbc.one(held, rs -> 1, consumer);
        }
    }

    /** Whether a session holds {@link #BULK_WRITE_LOCK} now (pg_locks shows a bigint key as its two halves). */
    private boolean bulkWriteInProgress() {
        return jdbc.one("select exists (select 1 from pg_locks where locktype = 'advisory' and granted and objsubid = 1 "
                        + "and classid::text::bigint = ? and objid::text::bigint = ?)", rs -> rs.getBoolean(1),
                BULK_WRITE_LOCK >>> 32, BULK_WRITE_LOCK & 0xffffffffL).orElse(false);
    }

    /** The consumer's position, locked for this transaction; empty when another transaction holds it. */
    private Optional<EventCursor> lock(String consumer) {
        Optional<EventCursor> held = jdbc.one("select tx::text::bigint, position from event_consumer where name = ? "
                + "for update skip locked", rs -> new EventCursor(rs.getLong(1), rs.getLong(2)), consumer);
        if (held.isPresent()) {
            return held;
        }
        EventCursor end = feed.end();
        // A row this transaction inserts is its own until it commits; when another got there first, it is theirs.
        return jdbc.one("insert into event_consumer (name, tx, position, advanced_at) values (?, ?::text::xid8, ?, ?) "
                        + "on conflict (name) do nothing returning tx::text::bigint, position",
                rs -> new EventCursor(rs.getLong(1), rs.getLong(2)), consumer, Long.toString(end.tx()), end.position(),
                dates.now());
    }
}
