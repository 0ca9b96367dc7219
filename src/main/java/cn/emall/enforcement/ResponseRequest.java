package cn.emall.enforcement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/notices/{id}/response}: a supplier's answer to a processing notice. */
@Schema(description = "A supplier's answer to a processing notice")
public record ResponseRequest(@NotBlank @Size(max = 4000) String message) {
}
