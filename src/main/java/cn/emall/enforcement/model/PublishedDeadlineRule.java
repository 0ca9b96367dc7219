package cn.emall.enforcement.model;

import java.time.LocalDate;

/**
 * A published deadline is never shortened. When a notice's period is counted again (a year's State
 * Council arrangement was loaded or replaced), a later day replaces the deadline, since the supplier
 * is owed every working day the law gives; an earlier day does not, since the supplier was told the
 * published day and may rely on it.
 */
public final class PublishedDeadlineRule {

    private PublishedDeadlineRule() {
    }

    public enum Outcome {
        /** The recount is later: it becomes the deadline. */
        MOVED,
        /** The recount is earlier: the published deadline stands. */
        KEPT,
        /** The recount is the published deadline. */
        UNCHANGED
    }

    /**
     * @param outcome   what happens to the deadline
     * @param deadline  the deadline from now on
     * @param recounted the day the recount gave
     */
    public record Revision(Outcome outcome, LocalDate deadline, LocalDate recounted) {
    }

    public static Revision revise(LocalDate published, LocalDate recounted) {
        if (recounted.isAfter(published)) {
            return new Revision(Outcome.MOVED, recounted, recounted);
        }
        if (recounted.isBefore(published)) {
            return new Revision(Outcome.KEPT, published, recounted);
        }
        return new Revision(Outcome.UNCHANGED, published, recounted);
    }
}
