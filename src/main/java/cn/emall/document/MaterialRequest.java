package cn.emall.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A material named in a request: its kind and the uploaded document (POST /api/v1/documents) it is. */
@Schema(name = "MaterialRequest", description = "A material: its kind (e.g. BUSINESS_LICENSE, CONTRACT, INVOICE) and the id "
        + "of the uploaded document (POST /api/v1/documents) as documentRef")
public record MaterialRequest(@NotBlank @Size(max = 64) String kind,
                              @NotBlank @Size(max = 36)
                              @Schema(format = "uuid", description = "The id the upload answered") String documentRef) {

    /** The material, not yet checked against the documents. */
    public Material named() {
        return Material.named(kind, documentRef);
    }
}
