package cn.emall.enforcement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One entry of the public announcement board (公示): the supplier, the rule, the sales window that
 * decided it, the notice date, the appeal deadline, the status (OPEN, APPEALED, APPEAL_REJECTED,
 * WITHDRAWN, TERMINATED), the termination, and when it last changed.
 */
@Schema(description = "One entry of the public announcement board (公示): a delisting notice, the sales window that decided "
        + "it, its appeal deadline and status, and the termination")
public record Announcement(long noticeId, String supplierName, String creditCode,
                           @Schema(nullable = true, description = "The rule that issued the notice (ZERO_SALES_SUPPLIER); "
                                   + "null for a notice recorded without one") String rule,
                           @Schema(nullable = true, description = "The first day of the sales window that decided it")
                           LocalDate windowFrom,
                           @Schema(nullable = true, description = "The last day of that window") LocalDate windowTo,
                           LocalDate noticeDate, LocalDate appealDeadline,
                           @Schema(description = "OPEN, APPEALED, APPEAL_REJECTED, WITHDRAWN or TERMINATED") String status,
                           @Schema(nullable = true, description = "The day the supplier was terminated; null unless "
                                   + "TERMINATED")
                           LocalDate terminatedOn,
                           @Schema(nullable = true, description = "The last day of its suspension; null unless TERMINATED")
                           LocalDate suspendedUntil,
                           @Schema(description = "When the entry last changed (Asia/Shanghai): the notice issued, appealed, "
                                   + "the appeal decided, or the supplier terminated (the start of that day)")
                           OffsetDateTime updatedAt) {
}
