package cn.emall.supplier;

import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.platform.web.Params;
import cn.emall.text.Msg;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

@Path("/api/v1/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suppliers")
public class SupplierResource {

    private final SupplierRepository suppliers;
    private final SupplierService service;
    private final CurrentUser user;

    public SupplierResource(SupplierRepository suppliers, SupplierService service, CurrentUser user) {
        this.suppliers = suppliers;
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("me")
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    @Operation(operationId = "getOwnSupplier", summary = "The calling supplier's own profile and status")
    @APIResponse(responseCode = "200", description = "The caller's supplier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupplierView.class)))
    @APIResponse(responseCode = "404", description = "The caller has no supplier profile")
    public SupplierView me() {
        long id = user.supplierId().orElseThrow(() -> ProblemException.notFound(Msg.YOUR_SUPPLIER_PROFILE.with()));
        return get(id);
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @Operation(operationId = "searchSuppliers", summary = "Search suppliers by status and by name (contains) or credit code "
            + "(prefix)")
    public PageResponse<SupplierView> search(@QueryParam("status") String status, @QueryParam("q") String q,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        var search = new SupplierRepository.Search(Params.enumValue("status", status, SupplierStatus.class), q);
        return PageResponse.of(suppliers.search(search, paging.page(), paging.size()), paging, suppliers.count(search),
                SupplierView::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OFFICER, Roles.SUPPLIER})
    @Transactional
    @Operation(operationId = "getSupplier", summary = "One supplier (a supplier reads only itself; another's answers 404)")
    public SupplierView get(@PathParam("id") long id) {
        return suppliers.findByIdOptional(id).filter(supplier -> user.maySee(supplier.id)).map(SupplierView::from)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_SUPPLIER.with(id)));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "decideApplication", summary = "Approve or reject a pending application. Approval makes today the "
            + "admission date; "
            + "REJECT needs a reason, and so does approving a code that fails its check character. 409 when not pending.")
    @APIResponse(responseCode = "200", description = "The supplier, decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SupplierView.class)))
    @APIResponse(responseCode = "409", description = "The application is no longer pending (wrong-state)")
    public SupplierView decide(@PathParam("id") long id, @Valid @NotNull SupplierDecisionRequest request) {
        service.decide(user.name(), id, request.decision(), request.reason());
        return get(id);
    }
}
