package cn.emall.enforcement.model;

import java.time.LocalDate;

/**
 * SPEC step 4 (未在规定时间处理和反馈): a rectification or processing notice not handled by its
 * deadline (24:00 of that day) records one dishonesty entry and deducts points, once per notice.
 * An answer on the deadline day is in time; an answer the day after is late, even if it comes
 * before the run notices.
 */
public final class OverdueNoticeRule {

    public static final String NAME = "OVERDUE_NOTICE";

    private OverdueNoticeRule() {
    }

    public static boolean overdue(LocalDate deadline, LocalDate handledOn, LocalDate runDate) {
        return runDate.isAfter(deadline) && (handledOn == null || handledOn.isAfter(deadline));
    }
}
