package cn.emall.enforcement;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.audit.AuditTrail;
import cn.emall.calendar.CalendarService;
import cn.emall.calendar.CalendarYearLoaded;
import cn.emall.calendar.model.CalendarYear;
import cn.emall.calendar.model.UnsupportedYearException;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.enforcement.model.PublishedDeadlineRule;
import cn.emall.enforcement.model.PublishedDeadlineRule.Revision;
import cn.emall.platform.db.Jdbc;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a year's State Council arrangement is loaded or replaced, counts again the period of every
 * open notice (delisting, rectification, processing) that runs into the days the change can move,
 * on the new calendar, in the transaction that loads the year. {@link PublishedDeadlineRule}
 * decides: a later day becomes the deadline; an earlier one leaves the published deadline standing.
 * Either way the notice's {@code deadlineNote} says why, and each change is audited. Notices no
 * longer open (appealed, handled, overdue, terminated) keep what has already happened. On start,
 * the same recount on the statutory holidays catches up the notices issued before years without an
 * arrangement were counted on them.
 */
@ApplicationScoped
public class DeadlineRevision {

    private static final Logger LOG = Logger.getLogger(DeadlineRevision.class);
    /** The actor of the recount on start. */
    static final String STATUTORY_RECOUNT = "statutory-holidays";

    private final Jdbc jdbc;
    private final CalendarService calendars;
    private final AuditTrail audit;
    private final Outbox outbox;

    public DeadlineRevision(Jdbc jdbc, CalendarService calendars, AuditTrail audit, Outbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
    }

    private record OpenNotice(long id, LocalDate noticeDate, LocalDate deadline, int workingDays, String note) {
    }

    void onYearLoaded(@Observes CalendarYearLoaded event) {
        WorkingDayCalendar calendar = calendars.calendar();
        List<OpenNotice> notices = lockOpen("deadline >= ? and notice_date < ?", event.affectedFrom(), event.affectedTo());
        int moved = 0;
        int kept = 0;
        for (OpenNotice notice : notices) {
            Revision revision = recount(calendar, notice).orElse(null);
            if (revision == null) {
                continue;
            }
            switch (revision.outcome()) {
                case MOVED -> {
                    move(event.actor(), event.year(), notice, revision, event.year() + "年节假日安排载入后重新计算：截止日期由"
                            + notice.deadline() + "延至" + revision.deadline() + "日24时" + stillProvisional(calendar, notice, revision));
                    moved++;
                }
                case KEPT -> {
                    String note = event.year() + "年节假日安排载入后重新计算为" + revision.recounted() + "，早于已公布的截止日期"
                            + notice.deadline() + "；已公布的截止日期不予缩短，仍为" + notice.deadline() + "日24时。";
                    if (!note.equals(notice.note())) {
                        jdbc.update("update notice set deadline_note = ? where id = ?", note, notice.id());
                        record(event.actor(), "NOTICE_DEADLINE_KEPT", event.year(), notice, revision, note);
                        kept++;
                    }
                }
                case UNCHANGED -> {
                    // The deadline is the one the new arrangement gives: nothing to tell.
                }
            }
        }
        if (moved + kept > 0) {
            LOG.infof("Calendar %d loaded by %s: %d open notices' deadlines moved later, %d kept (never shortened)",
                    event.year(), event.actor(), moved, kept);
        }
    }

    /**
     * On start, counts again on the statutory holidays the open notices whose periods run through a
     * year without an arrangement: those issued before the statutory fallback counted such years on
     * weekends alone. Only a later day moves a deadline; once counted, a later start finds nothing.
     */
    @Transactional
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        reviseOnTheStatutoryHolidays();
    }

    /** See {@link #onStart}; answers how many deadlines moved. */
    int reviseOnTheStatutoryHolidays() {
        WorkingDayCalendar calendar = calendars.calendar();
        List<Integer> loaded = calendars.years().stream().map(CalendarYear::year).toList();
        int firstMissing = loaded.isEmpty() ? LocalDate.MIN.getYear() : loaded.get(0);
        while (loaded.contains(firstMissing)) {
            firstMissing++;
        }
        List<OpenNotice> notices = lockOpen("deadline >= ?", LocalDate.of(firstMissing, 1, 1));
        int moved = 0;
        for (OpenNotice notice : notices) {
            if (!calendar.isProvisional(notice.noticeDate(), notice.deadline())) {
                continue;
            }
            Revision revision = recount(calendar, notice).orElse(null);
            if (revision != null && revision.outcome() == PublishedDeadlineRule.Outcome.MOVED) {
                move(STATUTORY_RECOUNT, revision.deadline().getYear(), notice, revision, "按法定节假日（《全国年节及纪念日放假办法》）"
                        + "重新计算：截止日期由" + notice.deadline() + "延至" + revision.deadline() + "日24时"
                        + stillProvisional(calendar, notice, revision));
                moved++;
            }
        }
        if (moved > 0) {
            LOG.infof("%d open notices' deadlines moved later on the statutory holidays of years without an arrangement", moved);
        }
        return moved;
    }

    private List<OpenNotice> lockOpen(String where, Object... parameters) {
        return jdbc.list("select id, notice_date, deadline, working_days, deadline_note from notice where status = '"
                        + NoticeStatus.OPEN + "' and " + where + " order by id for update",
                rs -> new OpenNotice(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getString(5)),
                parameters);
    }

    /** The recount, or empty (and a warning) when it would run into a year the calendar cannot compute. */
    private static Optional<Revision> recount(WorkingDayCalendar calendar, OpenNotice notice) {
        try {
            return Optional.of(PublishedDeadlineRule.revise(notice.deadline(),
                    calendar.workingDaysAfter(notice.noticeDate(), notice.workingDays()).date()));
        } catch (UnsupportedYearException e) {
            LOG.warnf("Notice %d keeps its deadline %s: its period runs into %s", notice.id(), notice.deadline(), e.getMessage());
            return Optional.empty();
        }
    }

    private static String stillProvisional(WorkingDayCalendar calendar, OpenNotice notice, Revision revision) {
        return calendar.isProvisional(notice.noticeDate(), revision.deadline())
                ? "（期间有尚无国务院节假日安排的年份，按法定节假日暂定）。" : "。";
    }

    private void move(String actor, int calendarYear, OpenNotice notice, Revision revision, String note) {
        long supplierId = jdbc.one("update notice set deadline = ?, deadline_note = ? where id = ? returning supplier_id",
                rs -> rs.getLong(1), revision.deadline(), note, notice.id()).orElseThrow();
        record(actor, "NOTICE_DEADLINE_MOVED", calendarYear, notice, revision, note);
        outbox.publish(EventType.NOTICE_DEADLINE_CHANGED, "notice", notice.id(), Outbox.data("noticeId", notice.id(),
                "supplierId", supplierId, "deadlineBefore", notice.deadline(), "deadline", revision.deadline(),
                "calendarYear", calendarYear, "note", note));
    }

    private void record(String actor, String action, int calendarYear, OpenNotice notice, Revision revision, String note) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("deadline", notice.deadline().toString());
        before.put("deadlineNote", notice.note());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deadline", revision.deadline().toString());
        after.put("recounted", revision.recounted().toString());
        after.put("calendarYear", calendarYear);
        after.put("deadlineNote", note);
        audit.record(actor, action, AuditTrail.subject("notice", notice.id()), before, after);
    }
}
