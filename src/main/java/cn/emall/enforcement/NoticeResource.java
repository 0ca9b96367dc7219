package cn.emall.enforcement;

import cn.emall.document.MaterialRequest;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
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
    @Operation(operationId = "listNotices", summary = "Notices: a supplier its own; an officer all, filtered by supplierId, "
            + "kind, status and delivery (delivery=FAILED: the notices whose e-mail could not be delivered)")
    public PageResponse<NoticeView> list(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                                         @QueryParam("supplierId") String supplierId,
                                         @QueryParam("kind") String kind,
                                         @QueryParam("status") String status,
                                         @Parameter(description = "Only notices with a delivery in this status: FAILED lists "
                                                 + "the notices whose e-mail every attempt failed to deliver",
                                                 schema = @Schema(type = SchemaType.STRING,
                                                         enumeration = {"QUEUED", "SENT", "FAILED"}))
                                         @QueryParam("delivery") String delivery,
                                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        Long supplier = user.isOfficer() ? Params.id("supplierId", supplierId) : user.supplierId().orElseThrow();
        NoticeKind wantedKind = Params.enumValue("kind", kind, NoticeKind.class);
        String wantedStatus = Params.upperWord(status);
        NoticeDelivery.Status wantedDelivery = Params.enumValue("delivery", delivery, NoticeDelivery.Status.class);
        return new PageResponse<>(notices.list(supplier, wantedKind, wantedStatus, wantedDelivery, paging.size(), paging.offset()),
                paging.page(), paging.size(), notices.count(supplier, wantedKind, wantedStatus, wantedDelivery));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Operation(operationId = "getNotice", summary = "One notice (another supplier's answers 404)")
    public NoticeView get(@PathParam("id") long id) {
        return visible(id);
    }

    @POST
    @Path("{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @Operation(operationId = "appealNotice", summary = "Appeal a delisting notice within its window (3 working days after it "
            + "is received); "
            + "409 once the window has closed (the problem gives the deadline) or when already appealed")
    @APIResponse(responseCode = "201", description = "The appeal, filed (PENDING)",
            headers = @Header(name = "Location", description = "The path of the new appeal",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "409", description = "The notice is not an open delisting notice (not-appealable), its appeal "
            + "window has closed (appeal-window-closed: deadline gives its last day), or it was already appealed "
                    + "(already-appealed)")
    public Response appeal(@PathParam("id") long id, @Valid @NotNull AppealRequest request) {
        AppealView appeal = notices.appeal(user.name(), visible(id), request.reason(),
                request.materials().stream().map(MaterialRequest::named).toList());
        return Response.created(URI.create("/api/v1/appeals/" + appeal.id())).entity(appeal).build();
    }

    @POST
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @Operation(operationId = "answerNotice", summary = "Answer a processing notice; on or before its deadline it is in time, "
            + "later it is recorded as late")
    @APIResponse(responseCode = "200", description = "The notice, answered (HANDLED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
    @APIResponse(responseCode = "409", description = "The notice is not a processing notice (wrong-notice-kind), or it was "
            + "already answered (already-answered)")
    public NoticeView respond(@PathParam("id") long id, @Valid @NotNull ResponseRequest request) {
        return notices.respond(user.name(), visible(id), request.message(),
                request.materials() == null ? List.of() : request.materials().stream().map(MaterialRequest::named).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "issueProcessingNotice", summary = "Issue a processing notice to an active supplier, to be "
            + "answered within workingDays (1-60) working days")
    @APIResponse(responseCode = "201", description = "The notice, issued (OPEN)",
            headers = @Header(name = "Location", description = "The path of the new notice",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeView.class)))
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
