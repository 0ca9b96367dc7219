package cn.emall.enforcement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/notices}: a processing notice an officer issues to a supplier. */
@Schema(description = "A processing notice an officer issues to an active supplier, to be answered within workingDays working "
        + "days")
public record ProcessingNoticeRequest(@NotNull Long supplierId, @NotBlank @Size(max = 200) String subject,
                                      @NotBlank @Size(max = 4000) String body,
                                      @NotNull @Min(1) @Max(60) Integer workingDays) {
}
