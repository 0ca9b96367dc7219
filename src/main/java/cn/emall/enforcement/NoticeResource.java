package cn.emall.enforcement;

import cn.emall.enforcement.model.NoticeKind;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.platform.web.Params;
import cn.emall.text.Msg;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Map;

@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices and appeals")
public class NoticeResource {

    private final NoticeService notices;
    private final CurrentUser user;

    public NoticeResource(NoticeService notices, CurrentUser user) {
        this.notices = notices;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Operation(summary = "Notices: a supplier its own; an officer all, filtered by supplierId, kind and status")
    public PageResponse<NoticeView> list(@QueryParam("supplierId") String supplierId, @QueryParam("kind") String kind,
                                         @QueryParam("status") String status, @QueryParam("page") Integer page,
                                         @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        Long supplier = user.isOfficer() ? Params.id("supplierId", supplierId) : user.supplierId().orElseThrow();
        NoticeKind wantedKind = Params.enumValue("kind", kind, NoticeKind.class);
        String wantedStatus = Params.upperWord(status);
        return new PageResponse<>(notices.list(supplier, wantedKind, wantedStatus, paging.size(), paging.offset()),
                paging.page(), paging.size(), notices.count(supplier, wantedKind, wantedStatus));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Operation(summary = "One notice (another supplier's answers 404)")
    public NoticeView get(@PathParam("id") long id) {
        return visible(id);
    }

    @POST
    @Path("{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @Operation(summary = "Appeal a delisting notice within its window (3 working days after it is received); "
            + "409 once the window has closed (the problem gives the deadline) or when already appealed")
    public Response appeal(@PathParam("id") long id, @Valid @NotNull AppealRequest request) {
        AppealView appeal = notices.appeal(user.name(), visible(id), request.reason(),
                request.materials().stream().map(material -> Map.of("kind", material.kind(), "documentRef", material.documentRef())).toList());
        return Response.created(URI.create("/api/v1/appeals/" + appeal.id())).entity(appeal).build();
    }

    @POST
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @Operation(summary = "Answer a processing notice; on or before its deadline it is in time, later it is recorded as late")
    public NoticeView respond(@PathParam("id") long id, @Valid @NotNull ResponseRequest request) {
        return notices.respond(user.name(), visible(id), request.message());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Issue a processing notice to an active supplier, to be answered within workingDays (1-60) working days")
    public Response issue(@Valid @NotNull ProcessingNoticeRequest request) {
        NoticeView notice = notices.issueProcessing(user.name(), request.supplierId(), request.subject(), request.body(),
                request.workingDays());
        return Response.created(URI.create("/api/v1/notices/" + notice.id())).entity(notice).build();
    }

    private NoticeView visible(long id) {
        NoticeView notice = notices.get(id);
        if (!user.maySee(notice.supplierId())) {
            throw ProblemException.notFound(Msg.THE_NOTICE.with(id));
        }
        return notice;
    }
}
