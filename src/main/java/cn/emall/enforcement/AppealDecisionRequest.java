package cn.emall.enforcement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/appeals/{id}/decision}: an officer's decision on an appeal. */
@Schema(description = "An officer's decision on an appeal, with a reason")
public record AppealDecisionRequest(@NotNull NoticeService.AppealDecision decision, @NotBlank @Size(max = 2000) String reason) {
}
