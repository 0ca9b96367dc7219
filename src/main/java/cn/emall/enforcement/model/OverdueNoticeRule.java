package cn.emall.enforcement.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * SPEC step 4 (未在规定时间处理和反馈): a rectification or processing notice not handled by its
 * deadline (24:00 of that day) records one dishonesty entry and deducts points, once per notice.
 * An answer on the deadline day is in time; an answer the day after is late, even if it comes
 * before the run notices.
 */
public final class OverdueNoticeRule {

    public static final String NAME = "OVERDUE_NOTICE";

    /** The notices that must be answered by their deadline. */
    public static final Set<NoticeKind> KINDS = Collections.unmodifiableSet(EnumSet.of(NoticeKind.RECTIFICATION, NoticeKind.PROCESSING));

    /** Not answered yet: overdue once the deadline has passed. */
    public static final Set<NoticeStatus> UNANSWERED = Collections.unmodifiableSet(EnumSet.of(NoticeStatus.OPEN));

    /** Answered: overdue if the answer came after the deadline. */
    public static final Set<NoticeStatus> ANSWERED = Collections.unmodifiableSet(EnumSet.of(NoticeStatus.HANDLED));

    private OverdueNoticeRule() {
    }

    public static boolean overdue(LocalDate deadline, LocalDate handledOn, LocalDate runDate) {
        return LapsedNoticeRule.deadlinePassed(deadline, runDate) && (handledOn == null || handledOn.isAfter(deadline));
    }
}
