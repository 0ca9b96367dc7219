package cn.emall.audit;

import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** The audit trail, read-only, for officers. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "The audit trail, newest first; subject filters one subject (e.g. "
            + "supplier/12) or, ending in '/', one type (supplier/)")
    public PageResponse<AuditEntryView> list(@QueryParam("subject") String subject,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        AuditLog.Filter filter = AuditLog.Filter.ofSubject(subject);
        return new PageResponse<>(log.entries(filter, paging.size(), paging.offset()), paging.page(), paging.size(),
                log.count(filter));
    }
}
