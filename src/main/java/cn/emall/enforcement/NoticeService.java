package cn.emall.enforcement;

import cn.emall.audit.AuditTrail;
import cn.emall.calendar.CalendarService;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.catalog.ListingResolved;
import cn.emall.catalog.ListingTakenDown;
import cn.emall.document.DocumentUse;
import cn.emall.document.Documents;
import cn.emall.document.Material;
import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.JsonText;
import cn.emall.supplier.SupplierStatus;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Notices to suppliers, their answers and appeals (SPEC steps 2-4 and "Who may do what"). */
@ApplicationScoped
public class NoticeService {

    /** The rule named on a rectification notice that an officer's takedown issued. */
    static final String OFFICER_TAKEDOWN = "OFFICER_TAKEDOWN";

    private final Jdbc jdbc;
    private final JsonText json;
    private final CalendarService calendars;
    private final RulesConfig rules;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Notices notices;
    private final Documents documents;
    private final Outbox outbox;

    public NoticeService(Jdbc jdbc, JsonText json, CalendarService calendars, RulesConfig rules, AuditTrail audit,
                         BusinessDates dates, Notices notices, Documents documents, Outbox outbox) {
        this.outbox = outbox;
        this.notices = notices;
        this.documents = documents;
        this.jdbc = jdbc;
        this.json = json;
        this.calendars = calendars;
        this.rules = rules;
        this.audit = audit;
        this.dates = dates;
    }

    public NoticeView get(long id) {
        WorkingDayCalendar calendar = calendars.calendar();
        NoticeView notice = jdbc.one("select " + NoticeView.COLUMNS + NoticeView.FROM + " where n.id = ?", rs -> view(rs, calendar), id)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_NOTICE.with(id)));
        return withDeliveries(List.of(notice)).get(0);
    }

    /**
     * Notices, newest first: of one supplier (or all), of one kind, in one status, with a delivery in
     * one status ({@code delivery=FAILED}: the notices whose e-mail did not reach the supplier); null
     * for any.
     */
    public List<NoticeView> list(Long supplierId, NoticeKind kind, String status, NoticeDelivery.Status delivery, int limit,
                                 int offset) {
        WorkingDayCalendar calendar = calendars.calendar();
        return withDeliveries(jdbc.list("select " + NoticeView.COLUMNS + NoticeView.FROM + where()
                        + " order by n.id desc limit ? offset ?", rs -> view(rs, calendar), supplierId, supplierId, kindName(kind),
                kindName(kind), status, status, name(delivery), name(delivery), limit, offset));
    }

    public long count(Long supplierId, NoticeKind kind, String status, NoticeDelivery.Status delivery) {
        return jdbc.count("select count(*)" + NoticeView.FROM + where(), supplierId, supplierId, kindName(kind), kindName(kind),
                status, status, name(delivery), name(delivery));
    }

    /** Open notices whose deadline falls from {@code from} to {@code to} (both included), the earliest deadline first. */
    public List<NoticeView> openDue(LocalDate from, LocalDate to, int limit, int offset) {
        WorkingDayCalendar calendar = calendars.calendar();
        return jdbc.list("select " + NoticeView.COLUMNS + NoticeView.FROM + OPEN_DUE + " order by n.deadline, n.id limit ? offset ?",
                rs -> view(rs, calendar), NoticeStatus.OPEN.name(), from, to, limit, offset);
    }

    public long countOpenDue(LocalDate from, LocalDate to) {
        return jdbc.count("select count(*)" + NoticeView.FROM + OPEN_DUE, NoticeStatus.OPEN.name(), from, to);
    }

    private static final String OPEN_DUE = " where n.status = ? and n.deadline between ? and ?";

    private static String where() {
        return " where (?::bigint is null or n.supplier_id = ?) and (?::text is null or n.kind = ?) and (?::text is null or n.status = ?)"
                + " and (?::text is null or " + NoticeDelivery.NOTICE_HAS_STATUS + ")";
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private List<NoticeView> withDeliveries(List<NoticeView> found) {
        Map<Long, List<NoticeDelivery>> deliveries = NoticeDelivery.of(jdbc, dates, found.stream().map(NoticeView::id).toList());
        return found.stream().map(notice -> notice.withDeliveries(deliveries.getOrDefault(notice.id(), List.of()))).toList();
    }

    private static String kindName(NoticeKind kind) {
        return kind == null ? null : kind.name();
    }

    /**
     * The deadline a processing notice issued today with this many working days gets: the last day of
     * the period that starts after today, provisional when it runs through a year without an arrangement.
     */
    public WorkingDayCalendar.Deadline processingDeadline(int workingDays) {
        return calendars.calendar().workingDaysAfter(dates.today(), workingDays);
    }

    /** An officer's processing notice, to be answered within N working days. */
    @Transactional
    public NoticeView issueProcessing(String officer, long supplierId, String subject, String body, int workingDays) {
        if (jdbc.count("select count(*) from supplier where id = ? and status = ?", supplierId, SupplierStatus.ACTIVE.name()) == 0) {
            throw ProblemException.invalid("supplierId", Msg.NOT_AN_ACTIVE_SUPPLIER.with());
        }
        LocalDate today = dates.today();
        LocalDate deadline = processingDeadline(workingDays).date();
        long id = jdbc.one("insert into notice (supplier_id, kind, status, notice_date, deadline, working_days, subject, body, "
                        + "issued_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", rs -> rs.getLong(1),
                supplierId, NoticeKind.PROCESSING.name(), NoticeStatus.OPEN.name(), today, deadline, workingDays, subject.trim(), body.trim(), officer, dates.now()).orElseThrow();
        NoticeView notice = get(id);
        audit.record(officer, "NOTICE_ISSUED", AuditTrail.subject("notice", id), null, notice);
        outbox.publishAll(List.of(Notices.issued(id, supplierId, NoticeKind.PROCESSING, null, null, today, deadline,
                notice.subject())));
        return notice;
    }

    /** A supplier answers its processing notice; on or before the deadline it is in time. */
    @Transactional
    public NoticeView respond(String supplierUser, NoticeView notice, String message, List<Material> materials) {
        if (notice.kind() != NoticeKind.PROCESSING) {
            Msg answeredBy = notice.kind() == NoticeKind.DELISTING
                    ? Msg.WRONG_NOTICE_KIND_DELISTING
                    : Msg.WRONG_NOTICE_KIND_RECTIFICATION;
            throw ProblemException.conflict("wrong-notice-kind", Msg.WRONG_NOTICE_KIND_TITLE,
                    answeredBy.with(notice.kind(), notice.id()));
        }
        List<Material> attached = documents.use("materials", materials, DocumentUse.NOTICE_RESPONSE, notice.supplierId(),
                notice.id());
        int changed = jdbc.update("update notice set status = case when status = ? then ? else status end, "
                + "handled_on = ?, response = ?, response_materials = cast(? as jsonb) where id = ? and handled_on is null",
                NoticeStatus.OPEN.name(), NoticeStatus.HANDLED.name(), dates.today(), message.trim(),
                attached.isEmpty() ? null : json.write(attached), notice.id());
        if (changed == 0) {
            throw ProblemException.conflict("already-answered", Msg.ALREADY_ANSWERED_TITLE,
                    Msg.ALREADY_ANSWERED_DETAIL.with(notice.id(), notice.handledOn()));
        }
        NoticeView after = get(notice.id());
        audit.record(supplierUser, "NOTICE_ANSWERED", AuditTrail.subject("notice", notice.id()), notice, after);
        outbox.publishAll(List.of(Notices.closed(after.id(), after.supplierId(), after.kind().name(), after.status().name(),
                after.orderedToCorrect())));
        return after;
    }

    /** An officer's takedown sends the supplier a rectification notice, as the nightly takedown does. */
    void onTakedown(@Observes ListingTakenDown event) {
        LocalDate today = dates.today();
        LocalDate deadline = calendars.calendar().workingDaysAfter(today, rules.rectificationWorkingDays()).date();
        notices.issueRectifications(new Notices.Issue(event.officer(), OFFICER_TAKEDOWN, null, today, rules.rectificationWorkingDays(), deadline),
                NoticeTexts.Rectification.of(event.reason(), deadline, rules.overduePenaltyPoints()),
                List.of(event.productId()), List.of(event.supplierId()), List.of(json.write(Map.of("reason", event.reason()))));
    }

    /** Relisting or withdrawing a taken-down listing handles its rectification notice. */
    void onResolved(@Observes ListingResolved event) {
        outbox.publishAll(jdbc.list("update notice set status = ?, handled_on = ? where product_id = ? and kind = ? and status = ? "
                        + "returning id, supplier_id, kind, status, ordered_to_correct",
                rs -> Notices.closed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)),
                NoticeStatus.HANDLED.name(), dates.today(), event.productId(), NoticeKind.RECTIFICATION.name(),
                NoticeStatus.OPEN.name()));
    }

    /** Files an appeal against a delisting notice, within its window. */
    @Transactional
    public AppealView appeal(String supplierUser, NoticeView notice, String reason, List<Material> materials) {
        if (notice.kind() != NoticeKind.DELISTING) {
            throw ProblemException.conflict("not-appealable", Msg.NOT_APPEALABLE_TITLE,
                    Msg.NOT_APPEALABLE_DETAIL.with(notice.kind()));
        }
        LocalDate today = dates.today();
        if (today.isAfter(notice.deadline())) {
            throw ProblemException.conflict("appeal-window-closed", Msg.APPEAL_WINDOW_CLOSED_TITLE,
                            Msg.APPEAL_WINDOW_CLOSED_DETAIL.with(notice.id(), notice.deadline()))
                    .with("deadline", notice.deadline().toString());
        }
        int changed = jdbc.update("update notice set status = ? where id = ? and status = ?", NoticeStatus.APPEALED.name(), notice.id(),
                NoticeStatus.OPEN.name());
        if (changed == 0) {
            throw ProblemException.conflict("already-appealed", Msg.ALREADY_APPEALED_TITLE,
                    Msg.ALREADY_APPEALED_DETAIL.with(notice.id(), notice.status()));
        }
        long id = jdbc.one("select nextval(pg_get_serial_sequence('appeal', 'id'))", rs -> rs.getLong(1)).orElseThrow();
        List<Material> attached = documents.use("materials", materials, DocumentUse.APPEAL, notice.supplierId(), id);
        jdbc.update("insert into appeal (id, notice_id, supplier_id, reason, materials, status, filed_at) "
                        + "values (?, ?, ?, ?, cast(? as jsonb), 'PENDING', ?)",
                id, notice.id(), notice.supplierId(), reason.trim(), json.write(attached), dates.now());
        AppealView appeal = appeal(id);
        audit.record(supplierUser, "APPEAL_FILED", AuditTrail.subject("appeal", id), null, appeal);
        outbox.publish(EventType.APPEAL_FILED, "appeal", id, Outbox.data("appealId", id, "noticeId", notice.id(),
                "supplierId", notice.supplierId(), "filedAt", appeal.filedAt(), "documents", attached.size()));
        return appeal;
    }

    public AppealView appeal(long id) {
        return jdbc.one("select " + AppealView.COLUMNS + " from appeal where id = ?", this::appealView, id)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_APPEAL.with(id)));
    }

    public List<AppealView> appeals(String status, int limit, int offset) {
        return jdbc.list("select " + AppealView.COLUMNS + " from appeal where (?::text is null or status = ?) order by id desc limit ? offset ?",
                this::appealView, status, status, limit, offset);
    }

    public long countAppeals(String status) {
        return jdbc.count("select count(*) from appeal where (?::text is null or status = ?)", status, status);
    }

    @Schema(description = "ACCEPT (the supplier did have sales: the notice is withdrawn) or REJECT (the next run terminates "
            + "the supplier)")
    public enum AppealDecision { ACCEPT, REJECT }

    /**
     * An officer decides an appeal: accepted (the supplier did have sales) withdraws the notice and the
     * supplier keeps trading; rejected leaves the notice to terminate the supplier at the next run.
     */
    @Transactional
    public AppealView decide(String officer, long appealId, AppealDecision decision, String reason) {
        AppealView before = appeal(appealId);
        int changed = jdbc.update("update appeal set status = ?, decided_at = ?, decided_by = ?, decision_reason = ? "
                        + "where id = ? and status = 'PENDING'", decision == AppealDecision.ACCEPT ? "ACCEPTED" : "REJECTED",
                dates.now(), officer, reason.trim(), appealId);
        if (changed == 0) {
            throw ProblemException.conflict("appeal-decided", Msg.APPEAL_DECIDED_TITLE,
                    Msg.APPEAL_DECIDED_DETAIL.with(appealId, before.status()));
        }
        jdbc.update("update notice set status = ? where id = ?", (decision == AppealDecision.ACCEPT ? NoticeStatus.WITHDRAWN : NoticeStatus.APPEAL_REJECTED).name(),
                before.noticeId());
        AppealView after = appeal(appealId);
        audit.record(officer, decision == AppealDecision.ACCEPT ? "APPEAL_ACCEPTED" : "APPEAL_REJECTED",
                AuditTrail.subject("appeal", appealId), before, after);
        List<Outbox.Event> events = new java.util.ArrayList<>();
        events.add(new Outbox.Event(EventType.APPEAL_DECIDED, "appeal", appealId, Outbox.data("appealId", appealId,
                "noticeId", after.noticeId(), "supplierId", after.supplierId(), "decision", decision.name(),
                "reason", after.decisionReason())));
        if (decision == AppealDecision.ACCEPT) {
            events.add(Notices.closed(after.noticeId(), after.supplierId(), NoticeKind.DELISTING.name(),
                    NoticeStatus.WITHDRAWN.name(), false));
        }
        outbox.publishAll(events);
        return after;
    }

    private NoticeView view(ResultSet rs, WorkingDayCalendar calendar) throws SQLException {
        long appealId = rs.getLong(15);
        boolean hasAppeal = !rs.wasNull();
        long productId = rs.getLong(8);
        boolean hasProduct = !rs.wasNull();
        return new NoticeView(rs.getLong(1), rs.getLong(2), NoticeKind.valueOf(rs.getString(3)), NoticeStatus.valueOf(rs.getString(4)),
                rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                hasProduct ? productId : null, rs.getString(9), rs.getString(10), json.tree(rs.getString(11)),
                rs.getObject(12, LocalDate.class), rs.getString(13), rs.getBoolean(14), hasAppeal ? appealId : null,
                rs.getString(16), calendar.isProvisional(rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)),
                rs.getString(17), rs.getString(18) == null ? null : json.tree(rs.getString(18)), List.of());
    }

    private AppealView appealView(ResultSet rs) throws SQLException {
        return new AppealView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), json.tree(rs.getString(5)),
                rs.getString(6), dates.local(rs.getTimestamp(7).toInstant()),
                rs.getTimestamp(8) == null ? null : dates.local(rs.getTimestamp(8).toInstant()), rs.getString(9), rs.getString(10));
    }
}
