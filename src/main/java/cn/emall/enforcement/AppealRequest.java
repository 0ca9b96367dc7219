package cn.emall.enforcement;

import cn.emall.document.Documents;
import cn.emall.document.MaterialRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/v1/notices/{id}/appeal}: a supplier's appeal against a delisting notice. */
@Schema(description = "A supplier's appeal against a delisting notice: why, and the supporting documents")
public record AppealRequest(@NotBlank @Size(max = 4000) String reason,
                            @NotNull @Size(max = Documents.MAX_MATERIALS) List<@Valid @NotNull MaterialRequest> materials) {
}
