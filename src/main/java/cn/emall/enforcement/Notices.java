package cn.emall.enforcement;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.audit.AuditTrail;
import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.enforcement.model.OverdueNoticeRule;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based moves of notices that the nightly run and an officer's takedown make: issue many,
 * terminate, withdraw, order to correct, each one statement however many notices. Call inside the
 * caller's transaction. The partial unique indexes keep one live delisting notice per supplier and
 * one open rectification notice per listing; issuing skips a subject that already has one.
 */
@ApplicationScoped
public class Notices {

    private static final String LIVE_DELISTING = "kind = '" + NoticeKind.DELISTING + "' and status in "
            + Jdbc.literals(NoticeStatus.LIVE_DELISTING);
    private static final String OPEN_RECTIFICATION = "kind = '" + NoticeKind.RECTIFICATION + "' and status = '" + NoticeStatus.OPEN + "'";

    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Outbox outbox;

    public Notices(Jdbc jdbc, AuditTrail audit, BusinessDates dates, Outbox outbox) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.dates = dates;
        this.outbox = outbox;
    }

    /** The event of a notice issued: enough for a receiver to tell the supplier and show the deadline. */
    static Outbox.Event issued(long noticeId, long supplierId, NoticeKind kind, String rule, Long productId,
                               LocalDate noticeDate, LocalDate deadline, String subject) {
        return new Outbox.Event(EventType.NOTICE_ISSUED, "notice", noticeId, Outbox.data("noticeId", noticeId,
                "supplierId", supplierId, "kind", kind.name(), "rule", rule, "productId", productId, "noticeDate", noticeDate,
                "deadline", deadline, "subject", subject));
    }

    /** The event of a notice that is over: how it ended (TERMINATED, WITHDRAWN, OVERDUE, HANDLED). */
    static Outbox.Event closed(long noticeId, long supplierId, String kind, String outcome, boolean orderedToCorrect) {
        return new Outbox.Event(EventType.NOTICE_CLOSED, "notice", noticeId, Outbox.data("noticeId", noticeId,
                "supplierId", supplierId, "kind", kind, "outcome", outcome, "orderedToCorrect", orderedToCorrect));
    }

    private record Closed(long id, long supplierId, String kind, String status, boolean orderedToCorrect) {
    }

    private void publishClosed(List<Closed> closed) {
        outbox.publishAll(closed.stream().map(c -> closed(c.id(), c.supplierId(), c.kind(), c.status(), c.orderedToCorrect()))
                .toList());
    }

    private static Closed closedRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Closed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
    }

    /**
     * Who issues a batch of notices, under which rule (and run, if any), on which date, due when: the
     * last of {@code workingDays} working days after it (kept, so that a new calendar can recount it).
     */
    public record Issue(String issuedBy, String rule, Long runId, LocalDate noticeDate, int workingDays, LocalDate deadline) {
    }

    /**
     * Delisting notices (清退公示) to these suppliers, with each one's evidence as JSON; audits each;
     * answers the new notices' ids by supplier.
     */
    public Map<Long, Long> issueDelisting(Issue issue, String subject, String body, List<Long> supplierIds, List<String> evidence) {
        Map<Long, Long> noticeBySupplier = new LinkedHashMap<>();
        if (supplierIds.isEmpty()) {
            return noticeBySupplier;
        }
        jdbc.list("insert into notice (supplier_id, kind, status, rule, notice_date, deadline, working_days, subject, body, evidence, "
                        + "issued_by, run_id, created_at) select t.supplier_id, ?, ?, ?, ?, ?, ?, ?, ?, t.evidence::jsonb, ?, ?::bigint, ? "
                        + "from unnest(?::bigint[], ?::text[]) as t(supplier_id, evidence) "
                        + "on conflict (supplier_id) where " + LIVE_DELISTING + " do nothing returning id, supplier_id",
                rs -> noticeBySupplier.put(rs.getLong(2), rs.getLong(1)),
                NoticeKind.DELISTING.name(), NoticeStatus.OPEN.name(), issue.rule(), issue.noticeDate(), issue.deadline(), issue.workingDays(), subject,
                body, issue.issuedBy(), issue.runId(), dates.now(), supplierIds, evidence);
        List<AuditTrail.Change> changes = new ArrayList<>(noticeBySupplier.size());
        noticeBySupplier.forEach((supplier, notice) -> {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("supplierId", supplier);
            after.put("deadline", issue.deadline().toString());
            changes.add(new AuditTrail.Change(AuditTrail.subject("notice", notice), null, after));
        });
        audit.recordAll(issue.issuedBy(), "DELISTING_NOTICE_ISSUED", changes);
        List<Outbox.Event> events = new ArrayList<>(noticeBySupplier.size());
        noticeBySupplier.forEach((supplier, notice) -> events.add(issued(notice, supplier, NoticeKind.DELISTING, issue.rule(),
                null, issue.noticeDate(), issue.deadline(), subject)));
        outbox.publishAll(events);
        return noticeBySupplier;
    }

    /**
     * Rectification notices (整改通知) about these taken-down listings, to their suppliers, with each
     * one's evidence as JSON; the text names each listing by brand and model. Answers the new
     * notices' ids by listing.
     */
    public Map<Long, Long> issueRectifications(Issue issue, NoticeTexts.Rectification text, List<Long> productIds,
                                               List<Long> supplierIds, List<String> evidence) {
        Map<Long, Long> noticeByProduct = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return noticeByProduct;
        }
        List<Outbox.Event> events = new ArrayList<>(productIds.size());
        jdbc.list("insert into notice (supplier_id, kind, status, rule, notice_date, deadline, working_days, product_id, subject, body, "
                        + "evidence, issued_by, run_id, created_at) "
                        + "select t.supplier_id, ?, ?, ?, ?, ?, ?, t.product_id, ? || p.brand || ' ' || p.model, "
                        + "? || p.brand || ' ' || p.model || ?, t.evidence::jsonb, ?, ?::bigint, ? "
                        + "from unnest(?::bigint[], ?::bigint[], ?::text[]) as t(product_id, supplier_id, evidence) "
                        + "join product p on p.id = t.product_id "
                        + "on conflict (product_id) where " + OPEN_RECTIFICATION + " do nothing "
                        + "returning id, product_id, supplier_id, subject",
                rs -> {
                    noticeByProduct.put(rs.getLong(2), rs.getLong(1));
                    return events.add(issued(rs.getLong(1), rs.getLong(3), NoticeKind.RECTIFICATION, issue.rule(),
                            rs.getLong(2), issue.noticeDate(), issue.deadline(), rs.getString(4)));
                },
                NoticeKind.RECTIFICATION.name(), NoticeStatus.OPEN.name(), issue.rule(), issue.noticeDate(), issue.deadline(),
                issue.workingDays(), text.subjectBefore(), text.bodyBefore(), text.bodyAfter(), issue.issuedBy(), issue.runId(), dates.now(),
                productIds, supplierIds, evidence);
        outbox.publishAll(events);
        return noticeByProduct;
    }

    /** Delisting notices whose supplier has been terminated on them. */
    public void terminate(Collection<Long> noticeIds) {
        if (!noticeIds.isEmpty()) {
            publishClosed(jdbc.list("update notice set status = ? where id = any(?) "
                    + "returning id, supplier_id, kind, status, ordered_to_correct", Notices::closedRow,
                    NoticeStatus.TERMINATED.name(), noticeIds));
        }
    }

    /** The open rectification and processing notices of terminated suppliers: with the agreement ended they cannot be met. */
    public void withdrawAnswerable(Collection<Long> supplierIds) {
        if (!supplierIds.isEmpty()) {
            publishClosed(jdbc.list("update notice set status = ? where supplier_id = any(?) and kind in (?, ?) and status = ? "
                    + "returning id, supplier_id, kind, status, ordered_to_correct", Notices::closedRow,
                    NoticeStatus.WITHDRAWN.name(), supplierIds, NoticeKind.RECTIFICATION.name(), NoticeKind.PROCESSING.name(),
                    NoticeStatus.OPEN.name()));
        }
    }

    /** Overdue notices are ordered to correct (责令纠正); an unanswered one becomes OVERDUE. */
    public void orderToCorrect(Collection<Long> noticeIds) {
        if (!noticeIds.isEmpty()) {
            publishClosed(jdbc.list("update notice set ordered_to_correct = true, status = case when status in "
                    + Jdbc.literals(OverdueNoticeRule.UNANSWERED) + " then ? else status end where id = any(?) "
                    + "returning id, supplier_id, kind, status, ordered_to_correct", Notices::closedRow,
                    NoticeStatus.OVERDUE.name(), noticeIds));
        }
    }
}
