package cn.emall.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/products/{id}/takedown}: why an officer takes the listing down. */
@Schema(description = "Why an officer takes a listing down")
public record TakedownRequest(@NotBlank @Size(max = 2000) String reason) {
}
