package cn.emall.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "One entry of the audit trail: who did what to which subject, and the subject before and after")
public record AuditEntryView(long id, OffsetDateTime at, String actor, String action,
                             @Schema(description = "What the entry is about, as type/id, e.g. supplier/12") String subject,
                             @Schema(implementation = Object.class, type = SchemaType.OBJECT, nullable = true,
                                     description = "The subject's fields before; null when it did not exist") JsonNode before,
                             @Schema(implementation = Object.class, type = SchemaType.OBJECT, nullable = true,
                                     description = "The subject's fields after; null when it no longer "
                                             + "exists") JsonNode after) {
}
