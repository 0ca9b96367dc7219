package cn.emall.enforcement;

import cn.emall.document.Material;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.NoticeStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice on the wire. {@code deadline} is the last day, inclusive, until 24:00 Asia/Shanghai: to
 * appeal a delisting notice, or to handle a rectification or processing notice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A notice to a supplier: delisting (appealable), rectification or processing; deadline is the last day, "
        + "until 24:00 Asia/Shanghai")
public record NoticeView(long id, long supplierId, NoticeKind kind, NoticeStatus status, String rule, LocalDate noticeDate,
                         LocalDate deadline, Long productId, String subject, String body,
                         @Schema(implementation = Evidence.class) JsonNode evidence,
                         LocalDate handledOn, String response, boolean orderedToCorrect, Long appealId,
                         String appealStatus,
                         @Schema(description = "true while the period runs through a year without a State Council holiday "
                                 + "arrangement, counted on the statutory holidays alone: when that arrangement is loaded the "
                                 + "deadline is counted again and moves if the new count is later, never earlier")
                         boolean deadlineProvisional,
                         @Schema(description = "Why the deadline is what it is after a recount on a newly loaded arrangement "
                                 + "(moved later, or kept because the recount was earlier); absent when never recounted")
                         String deadlineNote,
                         @Schema(type = SchemaType.ARRAY, implementation = Material.class, description = "The documents "
                                 + "attached to the answer of a processing notice; absent when none")
                         JsonNode responseMaterials,
                         @Schema(description = "The messages that told the supplier of this notice (its issue, the decision on "
                                 + "its appeal, the termination on it), oldest first, each with what became of it; empty "
                                 + "while none has been written yet")
                         List<NoticeDelivery> deliveries) {

    /** This notice with its deliveries. */
    NoticeView withDeliveries(List<NoticeDelivery> found) {
        return new NoticeView(id, supplierId, kind, status, rule, noticeDate, deadline, productId, subject, body, evidence, handledOn,
                response, orderedToCorrect, appealId, appealStatus, deadlineProvisional, deadlineNote, responseMaterials,
                List.copyOf(found));
    }

    static final String COLUMNS = "n.id, n.supplier_id, n.kind, n.status, n.rule, n.notice_date, n.deadline, n.product_id, "
            + "n.subject, n.body, cast(n.evidence as text), n.handled_on, n.response, n.ordered_to_correct, a.id, a.status, "
            + "n.deadline_note, cast(n.response_materials as text)";
    static final String FROM = " from notice n left join appeal a on a.notice_id = n.id";
}
