package cn.emall.supplier;

import cn.emall.document.MaterialRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Self-registration, open all year (宽进严管). */
@Path("/api/v1/supplier-applications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Suppliers")
public class SupplierApplicationResource {

    private final SupplierService service;

    public SupplierApplicationResource(SupplierService service) {
        this.service = service;
    }

    @Schema(name = "SupplierApplicationView", description = "An application as filed: the new supplier's id, its status "
            + "(PENDING), and whether its credit code passes the check character")
    public record ApplicationResponse(long supplierId, SupplierStatus status, String creditCode,
                                      boolean creditCodeCheckPasses) {
    }

    @POST
    @Operation(operationId = "applyAsSupplier", summary = "Apply to the e-mall. 400 names the credit-code rule broken (length, "
            + "character set, division code); "
            + "a code failing only its check character is accepted for an officer to decide with a reason. "
            + "409 when the code has a pending or active account, or is suspended (the problem gives mayApplyFrom).")
    @APIResponse(responseCode = "201", description = "The application, filed: the supplier is PENDING until an officer decides",
            headers = @Header(name = "Location", description = "The path of the new supplier",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "409", description = "The credit code has a pending or active supplier "
            + "(duplicate-application), or is suspended (suspended: suspendedUntil and mayApplyFrom say until when)")
    public Response apply(@Valid @NotNull ApplicationRequest request) {
        Supplier supplier = service.apply(new SupplierService.Application(request.name(), request.creditCode(),
                request.legalRepresentative(), request.contactName(), request.contactPhone(), request.email(),
                request.region(), request.password(),
                request.materials().stream().map(MaterialRequest::named).toList()));
        SupplierView view = SupplierView.from(supplier);
        return Response.created(URI.create("/api/v1/suppliers/" + supplier.id))
                .entity(new ApplicationResponse(supplier.id, supplier.status, supplier.creditCode, view.creditCodeCheckPasses()))
                .build();
    }
}
