package cn.emall.enforcement;

import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public announcement board (公示): delisting notices and terminations. */
@Path("/api/v1/announcements")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Announcements")
public class AnnouncementResource {

    private final Announcements announcements;

    public AnnouncementResource(Announcements announcements) {
        this.announcements = announcements;
    }

    @GET
    @Operation(operationId = "listAnnouncements", summary = "Delisting notices and terminations, newest first (public), "
            + "searched by supplier name or credit code and filtered by status")
    public PageResponse<Announcement> list(
            @Parameter(description = "Part of the supplier's name (any case) or of its credit code; at most "
                    + Announcements.MAX_QUERY_LENGTH + " characters",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Announcements.MAX_QUERY_LENGTH))
            @QueryParam("q") String q,
            @Parameter(description = "Only announcements in this status",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"OPEN", "APPEALED", "APPEAL_REJECTED", "WITHDRAWN", "TERMINATED"}))
            @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        Announcements.Filter filter = Announcements.Filter.of(q, status);
        return new PageResponse<>(announcements.list(filter, paging), paging.page(), paging.size(),
                announcements.count(filter));
    }
}
