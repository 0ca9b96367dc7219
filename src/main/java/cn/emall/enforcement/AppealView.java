package cn.emall.enforcement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** An appeal against a delisting notice. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealView(long id, long noticeId, long supplierId, String reason, JsonNode materials, String status,
                         OffsetDateTime filedAt, OffsetDateTime decidedAt, String decidedBy, String decisionReason) {

    static final String COLUMNS = "id, notice_id, supplier_id, reason, cast(materials as text), status, filed_at, decided_at, "
            + "decided_by, decision_reason";
}
