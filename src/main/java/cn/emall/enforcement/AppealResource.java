package cn.emall.enforcement;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notices and appeals")
public class AppealResource {

    private final NoticeService notices;
    private final CurrentUser user;

    public AppealResource(NoticeService notices, CurrentUser user) {
        this.notices = notices;
        this.user = user;
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "listAppeals", summary = "Appeals, newest first, filtered by status (PENDING, ACCEPTED, REJECTED)")
    public PageResponse<AppealView> list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                         @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        String wanted = Params.upperWord(status);
        return new PageResponse<>(notices.appeals(wanted, paging.size(), paging.offset()), paging.page(), paging.size(),
                notices.countAppeals(wanted));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPPLIER})
    @Operation(operationId = "getAppeal", summary = "One appeal (a supplier reads only its own)")
    public AppealView get(@PathParam("id") long id) {
        AppealView appeal = notices.appeal(id);
        if (!user.maySee(appeal.supplierId())) {
            throw ProblemException.notFound(Msg.THE_APPEAL.with(id));
        }
        return appeal;
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "decideAppeal", summary = "ACCEPT (the supplier did have sales: the notice is withdrawn) or "
            + "REJECT (the next run terminates the supplier), with a reason")
    @APIResponse(responseCode = "200", description = "The appeal, decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "409", description = "The appeal is already decided (appeal-decided)")
    public AppealView decide(@PathParam("id") long id, @Valid @NotNull AppealDecisionRequest request) {
        return notices.decide(user.name(), id, request.decision(), request.reason());
    }
}
