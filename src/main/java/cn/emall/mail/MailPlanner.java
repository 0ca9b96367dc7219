package cn.emall.mail;

import cn.emall.calendar.CalendarService;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.enforcement.RulesConfig;
import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.enforcement.model.RuleSettings;
import cn.emall.events.EventConsumers;
import cn.emall.events.EventFeed;
import cn.emall.events.EventType;
import cn.emall.events.EventView;
import cn.emall.platform.db.Jdbc;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the outbox as the consumer {@code mail} ({@link EventConsumers}) and writes, for each event a
 * supplier must be told of, the e-mail to the supplier's address as a queued delivery, in the same
 * transaction that moves the consumer past the event: every such event gets its one message, also
 * across restarts and several instances. The events: {@code notice.issued} (delisting, rectification,
 * processing notices), {@code supplier.admitted} and {@code supplier.rejected} (application decisions;
 * not the go-live import's admissions), {@code appeal.decided} and {@code supplier.terminated}.
 */
@ApplicationScoped
public class MailPlanner {

    private static final Logger LOG = Logger.getLogger(MailPlanner.class);

    /** The consumer's name in {@code event_consumer}. */
    static final String CONSUMER = "mail";

    private static final int BATCH = 500;

    private static final Set<String> TOLD = Set.of(EventType.NOTICE_ISSUED.wire(), EventType.SUPPLIER_ADMITTED.wire(),
            EventType.SUPPLIER_REJECTED.wire(), EventType.APPEAL_DECIDED.wire(), EventType.SUPPLIER_TERMINATED.wire());

    private final EventConsumers consumers;
    private final MailDeliveries deliveries;
    private final Jdbc jdbc;
    private final CalendarService calendars;
    private final MailTexts texts;

    public MailPlanner(EventConsumers consumers, MailDeliveries deliveries, Jdbc jdbc, CalendarService calendars,
                       RulesConfig rules, MailConfig config) {
        this.consumers = consumers;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.texts = new MailTexts(config.siteName(), config.signature(), new RuleSettings(rules.zeroSalesYears(),
                rules.zeroVolumeMonths(), rules.appealWorkingDays(), rules.rectificationWorkingDays(),
                rules.overduePenaltyPoints(), rules.suspensionYears()));
    }

    /**
     * Takes the consumer's place at start-up, so that the events of this run onwards are all told: a
     * consumer seen for the first time starts at the end of the feed.
     */
    void start(@Observes StartupEvent start) {
        consumers.advance(CONSUMER, 0, events -> { });
    }

    @Scheduled(identity = "mail-planner", every = "{emall.mail.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        int taken;
        do {
            taken = consumers.advance(CONSUMER, BATCH, this::queue);
        } while (taken > 0);
    }

    /** The e-mails of these events, queued; inside the consumer's transaction. */
    void queue(List<EventFeed.Stored> events) {
        List<EventView> told = events.stream().map(EventFeed.Stored::view).filter(e -> TOLD.contains(e.type())).toList();
        if (told.isEmpty()) {
            return;
        }
        Map<Long, MailTexts.Recipient> recipients = recipients(told);
        WorkingDayCalendar calendar = calendars.calendar();
        Map<Long, MailTexts.NoticeFacts> notices = notices(told, calendar);
        Map<Long, Long> terminatedOn = terminatingNotices(told);
        List<MailDeliveries.Queued> queued = new ArrayList<>();
        for (EventView event : told) {
            long supplierId = number(event.data().get("supplierId"));
            MailTexts.Recipient to = recipients.get(supplierId);
            if (to == null || to.address() == null || to.address().isBlank()) {
                LOG.warnf("Event %s (%s): supplier %d has no e-mail address; nothing to send", event.id(), event.type(), supplierId);
                continue;
            }
            try {
                letter(event, to, notices, terminatedOn).ifPresent(letter -> queued.add(new MailDeliveries.Queued(
                        event.id(), event.type(), supplierId, letter.noticeId(), to.address(), letter.text())));
            } catch (RuntimeException e) {
                // One event whose facts cannot be read must not hold back every later supplier's mail.
                LOG.errorf(e, "Event %s (%s): no e-mail could be written for supplier %d", event.id(), event.type(), supplierId);
            }
        }
        deliveries.queue(queued);
    }

    private record Letter(Long noticeId, MailTexts.Written text) {
    }

    private Optional<Letter> letter(EventView event, MailTexts.Recipient to, Map<Long, MailTexts.NoticeFacts> notices,
                                    Map<Long, Long> terminatedOn) {
        Map<String, Object> data = event.data();
        EventType type = EventType.ofWire(event.type()).orElseThrow();
        switch (type) {
            case NOTICE_ISSUED -> {
                MailTexts.NoticeFacts notice = notices.get(number(data.get("noticeId")));
                return Optional.ofNullable(notice).map(n -> new Letter(n.id(), texts.noticeIssued(to, n)));
            }
            case SUPPLIER_ADMITTED, SUPPLIER_REJECTED -> {
                if (Boolean.TRUE.equals(data.get("imported"))) {
                    return Optional.empty();
                }
                return Optional.of(new Letter(null, texts.applicationDecided(to, type == EventType.SUPPLIER_ADMITTED,
                        date(data.get("admittedOn")), (String) data.get("reason"))));
            }
            case APPEAL_DECIDED -> {
                long noticeId = number(data.get("noticeId"));
                return Optional.of(new Letter(noticeId, texts.appealDecided(to, noticeId, number(data.get("appealId")),
                        "ACCEPT".equals(data.get("decision")), (String) data.get("reason"))));
            }
            case SUPPLIER_TERMINATED -> {
                Long noticeId = terminatedOn.get(number(data.get("supplierId")));
                if (noticeId == null) {
                    LOG.warnf("Event %s: no delisting notice terminated supplier %s; nothing to send", event.id(), data.get("supplierId"));
                    return Optional.empty();
                }
                return Optional.of(new Letter(noticeId, texts.terminated(to, noticeId, date(data.get("terminatedOn")),
                        date(data.get("suspendedUntil")), date(data.get("mayApplyFrom")))));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Map<Long, MailTexts.Recipient> recipients(List<EventView> events) {
        List<Long> ids = events.stream().map(e -> number(e.data().get("supplierId"))).distinct().toList();
        Map<Long, MailTexts.Recipient> found = new HashMap<>();
        jdbc.list("select id, name, credit_code, email from supplier where id = any(?)",
                rs -> found.put(rs.getLong(1), new MailTexts.Recipient(rs.getString(2), rs.getString(3), rs.getString(4))), ids);
        return found;
    }

    /** The notices of these events as their e-mails tell of them. */
    private Map<Long, MailTexts.NoticeFacts> notices(List<EventView> events, WorkingDayCalendar calendar) {
        List<Long> ids = events.stream().filter(e -> e.type().equals(EventType.NOTICE_ISSUED.wire()))
                .map(e -> number(e.data().get("noticeId"))).toList();
        Map<Long, MailTexts.NoticeFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.list("select id, kind, rule, notice_date, deadline, working_days, product_id, subject, body, "
                        + "cast(evidence ->> 'windowFrom' as date), cast(evidence ->> 'windowTo' as date) from notice where id = any(?)",
                rs -> {
                    long product = rs.getLong(7);
                    boolean hasProduct = !rs.wasNull();
                    LocalDate noticeDate = rs.getObject(4, LocalDate.class);
                    LocalDate deadline = rs.getObject(5, LocalDate.class);
                    return found.put(rs.getLong(1), new MailTexts.NoticeFacts(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)),
                            rs.getString(3), noticeDate, deadline, rs.getInt(6), hasProduct ? product : null, rs.getString(8),
                            rs.getString(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                            calendar.isProvisional(noticeDate, deadline)));
                }, ids);
        return found;
    }

    /** For each terminated supplier of these events, the delisting notice it was terminated on. */
    private Map<Long, Long> terminatingNotices(List<EventView> events) {
        List<Long> suppliers = events.stream().filter(e -> e.type().equals(EventType.SUPPLIER_TERMINATED.wire()))
                .map(e -> number(e.data().get("supplierId"))).toList();
        Map<Long, Long> found = new HashMap<>();
        if (suppliers.isEmpty()) {
            return found;
        }
        jdbc.list("select distinct on (supplier_id) supplier_id, id from notice where supplier_id = any(?) and kind = ? "
                        + "and status = ? order by supplier_id, id desc",
                rs -> found.put(rs.getLong(1), rs.getLong(2)), suppliers, NoticeKind.DELISTING.name(), NoticeStatus.TERMINATED.name());
        return found;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
