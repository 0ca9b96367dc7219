package cn.emall.supplier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A qualification document of an application, by reference. */
@Schema(description = "A qualification document of an application, by reference")
public record SupplierMaterialRequest(@NotBlank @Size(max = 64) String kind, @NotBlank @Size(max = 500) String documentRef) {
}
