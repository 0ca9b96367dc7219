package cn.emall.enforcement.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * SPEC step 1: a delisting notice whose appeal window has ended with no appeal, or whose appeal was
 * rejected, terminates the supplier on the run date. The window ends at 24:00 of the deadline, so
 * a run on the deadline itself does not close it.
 */
public final class LapsedNoticeRule {

    public static final String NAME = "LAPSED_NOTICE";

    /** The notice kind the rule reads. */
    public static final NoticeKind KIND = NoticeKind.DELISTING;

    /** States that lapse at the next run whatever the deadline: the appeal was rejected. */
    public static final Set<NoticeStatus> LAPSE_AT_ONCE = Collections.unmodifiableSet(EnumSet.of(NoticeStatus.APPEAL_REJECTED));

    /** States that lapse once the deadline has passed: nobody appealed. */
    public static final Set<NoticeStatus> LAPSE_AFTER_DEADLINE = Collections.unmodifiableSet(EnumSet.of(NoticeStatus.OPEN));

    private LapsedNoticeRule() {
    }

    public static boolean lapsed(NoticeStatus status, LocalDate deadline, LocalDate runDate) {
        return LAPSE_AT_ONCE.contains(status) || LAPSE_AFTER_DEADLINE.contains(status) && deadlinePassed(deadline, runDate);
    }

    /** A deadline has passed on a run date after it (the deadline day lasts until 24:00). */
    public static boolean deadlinePassed(LocalDate deadline, LocalDate runDate) {
        return runDate.isAfter(deadline);
    }
}
