package cn.emall.mail;

import cn.emall.enforcement.NoticeDelivery;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.retry.RetrySchedule;
import cn.emall.platform.time.RealTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The delivery records of e-mails to suppliers (table {@code mail_delivery}): messages queued as the
 * outbox is read, claimed by one instance at a time for sending, and each attempt's outcome. Times are
 * the real clock's: what the recipient's server did and when is a fact, which the sandbox clock does
 * not move.
 */
@ApplicationScoped
public class MailDeliveries {

    private static final String QUEUED = NoticeDelivery.Status.QUEUED.name();

    /** A message to queue: the event it tells of, to whom, about which notice (or none), and its text. */
    record Queued(UUID eventId, String eventType, long supplierId, Long noticeId, String address, MailTexts.Written text) {
    }

    /** A message claimed for sending, with the attempts made so far, this one included. */
    record Claimed(long id, String address, String subject, String body, int attempts) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public MailDeliveries(Jdbc jdbc, @RealTime Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues the messages in the caller's transaction, due at once; an event already queued is skipped.
     * (The notice ids, some absent, go as text and are cast: Jdbc sends numbers as bigint only without nulls.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void queue(Collection<Queued> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Queued> all = List.copyOf(messages);
        Instant now = clock.instant();
        jdbc.update("insert into mail_delivery (event_id, event_type, supplier_id, notice_id, address, subject, body, status, "
                        + "created_at, next_attempt_at) "
                        + "select cast(m.event_id as uuid), m.event_type, m.supplier_id, m.notice_id, m.address, m.subject, m.body, "
                        + "?, ?, ? from unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[]) "
                        + "with ordinality as m(event_id, event_type, supplier_id, notice_id, address, subject, body, n) "
                        + "order by m.n on conflict (event_id) do nothing",
                QUEUED, now, now,
                all.stream().map(m -> m.eventId().toString()).toList(), all.stream().map(Queued::eventType).toList(),
                all.stream().map(Queued::supplierId).toList(), all.stream().map(Queued::noticeId).toList(),
                all.stream().map(Queued::address).toList(), all.stream().map(m -> m.text().subject()).toList(),
                all.stream().map(m -> m.text().body()).toList());
    }

    /**
     * Claims up to {@code limit} messages that are due, in a short transaction of its own: rows another
     * instance is claiming right now are skipped ({@code FOR UPDATE SKIP LOCKED}), and a claim lasts
     * {@code claimFor}, so that a row is sent by one instance at a time and taken over only when that
     * instance died mid-send. The attempt is counted here, when it starts.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claimed> claim(int limit, Duration claimFor) {
        Instant now = clock.instant();
        return jdbc.list("update mail_delivery d set attempts = d.attempts + 1, first_attempt_at = coalesce(d.first_attempt_at, ?), "
                        + "last_attempt_at = ?, claimed_until = ? "
                        + "where d.id in (select id from mail_delivery where status = ? and next_attempt_at <= ? "
                        + "and (claimed_until is null or claimed_until < ?) order by next_attempt_at, id limit ? for update skip locked) "
                        + "returning d.id, d.address, d.subject, d.body, d.attempts",
                rs -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                now, now, now.plus(claimFor), QUEUED, now, now, limit);
    }

    /** The recipient's server accepted the message: SENT at the moment its reply came, with the reply. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void sent(Claimed message, SmtpServer.Accepted accepted) {
        jdbc.update("update mail_delivery set status = ?, sent_at = ?, smtp_reply = ?, message_id = ?, error = null, "
                        + "claimed_until = null where id = ? and status = ?",
                NoticeDelivery.Status.SENT.name(), accepted.at(), accepted.reply(), accepted.messageId(), message.id(), QUEUED);
    }

    /**
     * The attempt failed: the message is due again after the schedule's next wait, or FAILED when the
     * schedule is spent.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failed(Claimed message, String error, RetrySchedule schedule) {
        String why = error.length() > 2000 ? error.substring(0, 2000) : error;
        schedule.jitteredDelayAfter(message.attempts()).ifPresentOrElse(
                wait -> jdbc.update("update mail_delivery set error = ?, next_attempt_at = ?, claimed_until = null "
                        + "where id = ? and status = ?", why, clock.instant().plus(wait), message.id(), QUEUED),
                () -> jdbc.update("update mail_delivery set status = ?, error = ?, claimed_until = null where id = ? and status = ?",
                        NoticeDelivery.Status.FAILED.name(), why, message.id(), QUEUED));
    }
}
