package cn.emall.enforcement;

import cn.emall.document.Material;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** An appeal against a delisting notice. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An appeal against a delisting notice and, once decided, the decision")
public record AppealView(long id, long noticeId, long supplierId, String reason,
                         @Schema(type = SchemaType.ARRAY, implementation = Material.class,
                                 description = "The supporting documents")
                         JsonNode materials, String status,
                         OffsetDateTime filedAt, OffsetDateTime decidedAt, String decidedBy, String decisionReason) {

    static final String COLUMNS = "id, notice_id, supplier_id, reason, cast(materials as text), status, filed_at, decided_at, "
            + "decided_by, decision_reason";
}
