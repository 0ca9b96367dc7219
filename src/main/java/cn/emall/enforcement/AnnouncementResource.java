package cn.emall.enforcement;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/** The public announcement board (公示): delisting notices and terminations. */
@Path("/api/v1/announcements")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Announcements")
public class AnnouncementResource {

    private final Jdbc jdbc;

    public AnnouncementResource(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One announcement: the supplier, the rule, the sales window that decided it, the notice date, the
     * appeal deadline, and the status (OPEN, APPEALED, APPEAL_REJECTED, WITHDRAWN, TERMINATED).
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
                               LocalDate suspendedUntil) {
    }

    @GET
    @Operation(operationId = "listAnnouncements", summary = "Delisting notices and terminations, newest first (public)")
    public PageResponse<Announcement> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        var items = jdbc.list("select n.id, s.name, s.credit_code, n.rule, (n.evidence ->> 'windowFrom')::date, "
                        + "(n.evidence ->> 'windowTo')::date, n.notice_date, n.deadline, n.status, "
                        + "case when n.status = 'TERMINATED' then s.terminated_on end, "
                        + "case when n.status = 'TERMINATED' then s.suspended_until end "
                        + "from notice n join supplier s on s.id = n.supplier_id where n.kind = 'DELISTING' "
                        + "order by n.id desc limit ? offset ?",
                rs -> new Announcement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, LocalDate.class),
                        rs.getObject(11, LocalDate.class)),
                paging.size(), paging.offset());
        return new PageResponse<>(items, paging.page(), paging.size(),
                jdbc.count("select count(*) from notice where kind = 'DELISTING'"));
    }
}
