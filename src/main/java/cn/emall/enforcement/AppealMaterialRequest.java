package cn.emall.enforcement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document that supports an appeal, by reference. */
@Schema(description = "A document that supports an appeal, by reference")
public record AppealMaterialRequest(@NotBlank @Size(max = 64) String kind, @NotBlank @Size(max = 500) String documentRef) {
}
