package cn.emall.enforcement;

import cn.emall.platform.openapi.MoneySchema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The evidence of a notice or of a cleanup run's action, as the document describes it: the facts that
 * decided it, stored as JSON with the notice and the action. Each rule gives the members it decided on;
 * the others are absent. The service answers the stored JSON itself; this record only names its members.
 */
@Schema(description = "The facts that decided a notice or a cleanup run's action. Each rule gives its own members: "
        + "ZERO_SALES_SUPPLIER windowFrom, windowTo, admittedOn, netSalesAmount, appealDeadline, deadlineProvisional; "
        + "ZERO_VOLUME_PRODUCT windowFrom, windowTo, listedOn, netQuantity, responseDeadline, deadlineProvisional; "
        + "LAPSED_NOTICE noticeId, noticeDate, appealDeadline, noticeStatus, appealId, terminatedOn, suspendedUntil, "
        + "mayApplyFrom; OVERDUE_NOTICE noticeId, kind, noticeDate, deadline, handledOn, points, creditYear; "
        + "SUSPENSION_ENDED terminatedOn, suspendedUntil, mayApplyFrom; OFFICER_TAKEDOWN reason. A run's action on a notice "
        + "also gives deliveryStatus (and deliverySentAt once SENT) of the e-mail that told the supplier, once it is written")
public record Evidence(
        @Schema(description = "The first day of the sales window the rule looked at") LocalDate windowFrom,
        @Schema(description = "The last day of that window") LocalDate windowTo,
        @Schema(description = "The supplier's admission date") LocalDate admittedOn,
        @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.ANSWER,
                description = "Net sales (yuan) of the supplier in the window") String netSalesAmount,
        @Schema(description = "Net quantity sold of the listing in the window") Long netQuantity,
        @Schema(description = "The day the listing was listed") LocalDate listedOn,
        @Schema(description = "The last day to appeal the delisting notice") LocalDate appealDeadline,
        @Schema(description = "The last day to answer the rectification notice") LocalDate responseDeadline,
        @Schema(description = "true when the deadline was counted on the statutory holidays of a year without a "
                + "State Council arrangement, and may still move") Boolean deadlineProvisional,
        @Schema(description = "The notice the action is about") Long noticeId,
        @Schema(description = "That notice's kind (DELISTING, RECTIFICATION, PROCESSING)") String kind,
        @Schema(description = "That notice's date") LocalDate noticeDate,
        @Schema(description = "That notice's status when the rule looked") String noticeStatus,
        @Schema(description = "That notice's deadline") LocalDate deadline,
        @Schema(nullable = true, description = "When that notice was handled; null when it never was") LocalDate handledOn,
        @Schema(nullable = true, description = "The appeal against that notice; null when there is none") Long appealId,
        @Schema(description = "The credit points deducted (negative)") Integer points,
        @Schema(description = "The evaluation year the deduction counts in") Integer creditYear,
        @Schema(description = "The day the supplier is terminated") LocalDate terminatedOn,
        @Schema(description = "The last day of the supplier's suspension") LocalDate suspendedUntil,
        @Schema(description = "The first day the supplier may apply again") LocalDate mayApplyFrom,
        @Schema(description = "Why the officer took the listing down") String reason,
        @Schema(description = "What became of the e-mail that told the supplier (of the termination for LAPSED_NOTICE, of "
                + "the notice otherwise): QUEUED, SENT or FAILED") NoticeDelivery.Status deliveryStatus,
        @Schema(description = "When the recipient's mail server accepted that e-mail") OffsetDateTime deliverySentAt) {
}
