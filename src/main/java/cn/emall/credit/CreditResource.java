package cn.emall.credit;

import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.text.Msg;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** A supplier's credit record (信用考评): readable by the supplier itself and by officers. */
@Path("/api/v1/suppliers/{id}/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credit")
public class CreditResource {

    private final CreditRecords records;
    private final CurrentUser user;

    public CreditResource(CreditRecords records, CurrentUser user) {
        this.records = records;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Operation(operationId = "getSupplierCredit", summary = "The credit score of the current evaluation year (it starts at 100 "
            + "each 1 January) and every deduction")
    public CreditRecords.Credit credit(@PathParam("id") long supplierId) {
        if (!user.maySee(supplierId)) {
            throw ProblemException.notFound(Msg.THE_SUPPLIER.with(supplierId));
        }
        return records.of(supplierId);
    }
}
