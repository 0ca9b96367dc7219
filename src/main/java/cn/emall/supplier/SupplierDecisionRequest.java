package cn.emall.supplier;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/suppliers/{id}/decision}: an officer's decision on an application. */
@Schema(description = "An officer's decision on a pending application; REJECT needs a reason, and so does approving a code "
        + "that fails its check character")
public record SupplierDecisionRequest(@NotNull SupplierService.Decision decision, @Size(max = 2000) String reason) {
}
