package cn.emall.supplier;

import cn.emall.document.Documents;
import cn.emall.document.MaterialRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/v1/supplier-applications}: a supplier's application. */
@Schema(description = "A supplier's application (POST /api/v1/supplier-applications); the supplier logs in with its credit "
        + "code and this password")
public record ApplicationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String creditCode,
        @NotBlank @Size(max = 100) String legalRepresentative,
        @NotBlank @Size(max = 100) String contactName,
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{5,30}", message = "{PHONE_FORMAT}")
        @Schema(pattern = "^\\+?[0-9][0-9 -]{5,30}$") String contactPhone,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String region,
        @NotBlank @Size(min = 8, max = 72, message = "{PASSWORD_LENGTH}") String password,
        @NotEmpty(message = "{MATERIALS_REQUIRED}") @Size(max = Documents.MAX_MATERIALS) List<@Valid @NotNull MaterialRequest> materials) {
}
