package cn.emall.enforcement;

import cn.emall.document.Documents;
import cn.emall.document.MaterialRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/v1/notices/{id}/response}: a supplier's answer to a processing notice. */
@Schema(description = "A supplier's answer to a processing notice")
public record ResponseRequest(@NotBlank @Size(max = 4000) String message,
                              @Size(max = Documents.MAX_MATERIALS)
                              @Schema(nullable = true, description = "Documents that support the answer (optional)")
                              List<@Valid @NotNull MaterialRequest> materials) {
}
