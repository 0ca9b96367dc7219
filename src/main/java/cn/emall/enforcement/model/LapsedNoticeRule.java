package cn.emall.enforcement.model;

import java.time.LocalDate;

/**
 * SPEC step 1: a delisting notice whose appeal window has ended with no appeal, or whose appeal was
 * rejected, terminates the supplier on the run date. The window ends at 24:00 of the deadline, so
 * a run on the deadline itself does not close it.
 */
public final class LapsedNoticeRule {

    public static final String NAME = "LAPSED_NOTICE";

    /** The live states of a delisting notice. */
    public enum NoticeState { OPEN, APPEALED, APPEAL_REJECTED }

    private LapsedNoticeRule() {
    }

    public static boolean lapsed(NoticeState state, LocalDate deadline, LocalDate runDate) {
        return switch (state) {
            case OPEN -> runDate.isAfter(deadline);
            case APPEAL_REJECTED -> true;
            case APPEALED -> false;
        };
    }
}
