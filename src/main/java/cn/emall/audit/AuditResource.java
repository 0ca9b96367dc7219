package cn.emall.audit;

import cn.emall.platform.security.Roles;
import cn.emall.platform.web.JsonText;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.platform.web.Params;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The audit trail, read-only, for officers. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Audit")
public class AuditResource {

    private final EntityManager em;
    private final JsonText json;

    public AuditResource(EntityManager em, JsonText json) {
        this.em = em;
        this.json = json;
    }

    @Schema(description = "One entry of the audit trail: who did what to which subject, and the subject before and after")
    public record AuditEntryView(long id, OffsetDateTime at, String actor, String action,
                                 @Schema(description = "What the entry is about, as type/id, e.g. supplier/12") String subject,
                                 @Schema(implementation = Object.class, type = SchemaType.OBJECT, nullable = true,
                                         description = "The subject's fields before; null when it did not exist") JsonNode before,
                                 @Schema(implementation = Object.class, type = SchemaType.OBJECT, nullable = true,
                                         description = "The subject's fields after; null when it no longer "
                                                 + "exists") JsonNode after) {
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "The audit trail, newest first; subject filters one subject (e.g. "
            + "supplier/12) or, ending in '/', one type (supplier/)")
    public PageResponse<AuditEntryView> list(@QueryParam("subject") String subject,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        String where = subject == null || subject.isBlank() ? "" : subject.endsWith("/")
                ? " where subject like ?1" : " where subject = ?1";
        String parameter = subject == null ? null : subject.endsWith("/") ? Params.likeLiteral(subject) + "%" : subject;
        var count = em.createNativeQuery("select count(*) from audit_entry" + where);
        var rows = em.createNativeQuery("select id, at, actor, action, subject, cast(before as text), cast(after as text) "
                + "from audit_entry" + where + " order by id desc limit " + paging.size() + " offset " + paging.offset());
        if (!where.isEmpty()) {
            count.setParameter(1, parameter);
            rows.setParameter(1, parameter);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        return new PageResponse<>(result.stream().map(this::view).toList(), paging.page(), paging.size(), total);
    }

    private AuditEntryView view(Object[] row) {
        OffsetDateTime at = row[1] instanceof Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC)
                : ((java.time.Instant) row[1]).atOffset(ZoneOffset.UTC);
        return new AuditEntryView(((Number) row[0]).longValue(), at, (String) row[2], (String) row[3],
                (String) row[4], json.tree((String) row[5]), json.tree((String) row[6]));
    }

}
