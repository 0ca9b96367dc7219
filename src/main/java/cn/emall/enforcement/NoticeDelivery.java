package cn.emall.enforcement;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a message about a notice reached the supplier: the record of one e-mail (table
 * {@code mail_delivery}, written by {@code cn.emall.mail}; read here so that a notice shows it).
 */
@Schema(name = "NoticeDelivery", description = "One message to the supplier about the notice and what became of it. sentAt "
        + "is when the recipient's mail server accepted the message (reply gives its SMTP answer), not when anyone read it")
public record NoticeDelivery(
        @Schema(description = "How the message went: EMAIL") String channel,
        @Schema(description = "The address it went to: the supplier's email when the message was written") String address,
        @Schema(description = "QUEUED (not accepted yet: waiting for a mail server or for its next attempt), SENT (accepted "
                + "by the recipient's mail server), FAILED (every attempt of the retry schedule failed)") Status status,
        @Schema(description = "Attempts made so far") int attempts,
        @Schema(nullable = true, description = "When the first attempt was made; null before any") OffsetDateTime firstAttemptAt,
        @Schema(nullable = true, description = "When the recipient's mail server accepted the message; null unless SENT")
        OffsetDateTime sentAt,
        @Schema(nullable = true, description = "Why the last attempt failed, in the server's words when it answered; null "
                + "before any failure and once SENT") String error,
        @Schema(description = "What the message tells of: the event it was written from (notice.issued, appeal.decided, "
                + "supplier.terminated)") String message,
        @Schema(description = "The e-mail's subject line") String subject,
        @Schema(nullable = true, description = "The server's SMTP reply on acceptance, such as '250 2.0.0 Ok: queued as ...'; "
                + "null unless SENT") String reply) {

    /** What became of a message. */
    @Schema(name = "DeliveryStatus", description = "QUEUED, SENT or FAILED")
    public enum Status { QUEUED, SENT, FAILED }

    public static final String EMAIL = "EMAIL";

    /** The notices that have a delivery in this status, as an SQL condition on {@code n.id} with one parameter. */
    static final String NOTICE_HAS_STATUS = "exists (select 1 from mail_delivery d where d.notice_id = n.id and d.status = ?)";

    private static final String COLUMNS = "notice_id, address, status, attempts, first_attempt_at, sent_at, error, event_type, "
            + "subject, smtp_reply";

    /** The deliveries of these notices, oldest first, by notice. */
    static Map<Long, List<NoticeDelivery>> of(Jdbc jdbc, BusinessDates dates, Collection<Long> noticeIds) {
        Map<Long, List<NoticeDelivery>> byNotice = new LinkedHashMap<>();
        if (noticeIds.isEmpty()) {
            return byNotice;
        }
        jdbc.list("select " + COLUMNS + " from mail_delivery where notice_id = any(?) order by id",
                rs -> byNotice.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(row(rs, dates)), noticeIds);
        return byNotice;
    }

    private static NoticeDelivery row(ResultSet rs, BusinessDates dates) throws SQLException {
        return new NoticeDelivery(EMAIL, rs.getString(2), Status.valueOf(rs.getString(3)), rs.getInt(4),
                local(rs.getTimestamp(5), dates), local(rs.getTimestamp(6), dates), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10));
    }

    private static OffsetDateTime local(Timestamp timestamp, BusinessDates dates) {
        return timestamp == null ? null : dates.local(timestamp.toInstant());
    }
}
