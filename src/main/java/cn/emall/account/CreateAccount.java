package cn.emall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/accounts}: a staff account. */
@Schema(description = "The body of POST /api/v1/accounts: a staff account, an officer's or the order system's")
public record CreateAccount(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{USERNAME_FORMAT}")
        @Schema(pattern = "^[A-Za-z0-9._-]{3,64}$") String username,
        @NotBlank @Size(min = 8, max = 72, message = "{PASSWORD_LENGTH}") String password,
        @NotNull StaffRole role) {
}
