package cn.emall.enforcement.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a notice stands. A delisting notice is OPEN until appealed (APPEALED), then APPEAL_REJECTED
 * or WITHDRAWN (appeal accepted), and TERMINATED when its supplier is terminated. A rectification or
 * processing notice is OPEN until HANDLED, OVERDUE when its deadline passed unanswered, or WITHDRAWN
 * when its supplier is terminated.
 */
@Schema(description = "A delisting notice: OPEN, APPEALED, then APPEAL_REJECTED or WITHDRAWN, TERMINATED with its supplier. A "
        + "rectification or processing notice: OPEN, then HANDLED, OVERDUE, or WITHDRAWN when its supplier is terminated")
public enum NoticeStatus {
    OPEN, APPEALED, APPEAL_REJECTED, WITHDRAWN, TERMINATED, HANDLED, OVERDUE;

    /**
     * The live states of a delisting notice: a supplier has at most one notice in them (the partial
     * unique index {@code notice_one_live_delisting} has the same set), and none is issued while one is.
     */
    public static final Set<NoticeStatus> LIVE_DELISTING = Collections.unmodifiableSet(EnumSet.of(OPEN, APPEALED, APPEAL_REJECTED));

    /** Every state a delisting notice can be in, in the order of its life: the statuses of the announcement board. */
    public static final Set<NoticeStatus> OF_DELISTING = Collections.unmodifiableSet(
            EnumSet.of(OPEN, APPEALED, APPEAL_REJECTED, WITHDRAWN, TERMINATED));

    public boolean isLiveDelisting() {
        return LIVE_DELISTING.contains(this);
    }
}
