package cn.emall.enforcement;

import cn.emall.audit.AuditTrail;
import cn.emall.calendar.CalendarService;
import cn.emall.calendar.CalendarYearLoaded;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.enforcement.model.PublishedDeadlineRule;
import cn.emall.enforcement.model.PublishedDeadlineRule.Revision;
import cn.emall.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a year's State Council arrangement is loaded or replaced, counts again the period of every
 * open notice (delisting, rectification, processing) that runs into the days the change can move,
 * on the new calendar, in the transaction that loads the year. {@link PublishedDeadlineRule}
 * decides: a later day becomes the deadline; an earlier one leaves the published deadline standing.
 * Either way the notice's {@code deadlineNote} says why, and each change is audited. Notices no
 * longer open (appealed, handled, overdue, terminated) keep what has already happened.
 */
@ApplicationScoped
public class DeadlineRevision {

    private static final Logger LOG = Logger.getLogger(DeadlineRevision.class);

    private final Jdbc jdbc;
    private final CalendarService calendars;
    private final AuditTrail audit;

    public DeadlineRevision(Jdbc jdbc, CalendarService calendars, AuditTrail audit) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.audit = audit;
    }

    private record OpenNotice(long id, LocalDate noticeDate, LocalDate deadline, int workingDays, String note) {
    }

    void onYearLoaded(@Observes CalendarYearLoaded event) {
        WorkingDayCalendar calendar = calendars.calendar();
        List<OpenNotice> notices = jdbc.list("select id, notice_date, deadline, working_days, deadline_note from notice "
                        + "where status = 'OPEN' and deadline >= ? and notice_date < ? order by id for update",
                rs -> new OpenNotice(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getString(5)),
                event.affectedFrom(), event.affectedTo());
        int moved = 0;
        int kept = 0;
        for (OpenNotice notice : notices) {
            Revision revision = PublishedDeadlineRule.revise(notice.deadline(),
                    calendar.workingDaysAfter(notice.noticeDate(), notice.workingDays()).date());
            switch (revision.outcome()) {
                case MOVED -> {
                    String note = event.year() + "年节假日安排载入后重新计算：截止日期由" + notice.deadline() + "延至"
                            + revision.deadline() + "日24时" + (calendar.isProvisional(notice.noticeDate(), revision.deadline())
                            ? "（期间仍有尚无国务院节假日安排的年份，按法定节假日暂定）。" : "。");
                    jdbc.update("update notice set deadline = ?, deadline_note = ? where id = ?", revision.deadline(), note,
                            notice.id());
                    record(event, "NOTICE_DEADLINE_MOVED", notice, revision, note);
                    moved++;
                }
                case KEPT -> {
                    String note = event.year() + "年节假日安排载入后重新计算为" + revision.recounted() + "，早于已公布的截止日期"
                            + notice.deadline() + "；已公布的截止日期不予缩短，仍为" + notice.deadline() + "日24时。";
                    if (!note.equals(notice.note())) {
                        jdbc.update("update notice set deadline_note = ? where id = ?", note, notice.id());
                        record(event, "NOTICE_DEADLINE_KEPT", notice, revision, note);
                        kept++;
                    }
                }
                case UNCHANGED -> {
                    // Nothing to tell: the deadline is the one the new arrangement gives.
                }
            }
        }
        if (moved + kept > 0) {
            LOG.infof("Calendar %d loaded by %s: %d open notices' deadlines moved later, %d kept (never shortened)",
                    event.year(), event.actor(), moved, kept);
        }
    }

    private void record(CalendarYearLoaded event, String action, OpenNotice notice, Revision revision, String note) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("deadline", notice.deadline().toString());
        before.put("deadlineNote", notice.note());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deadline", revision.deadline().toString());
        after.put("recounted", revision.recounted().toString());
        after.put("calendarYear", event.year());
        after.put("deadlineNote", note);
        audit.record(event.actor(), action, AuditTrail.subject("notice", notice.id()), before, after);
    }
}
