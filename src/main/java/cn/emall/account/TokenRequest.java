package cn.emall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/v1/auth/token}: the credentials to log in with. */
@Schema(description = "Credentials to log in with: a supplier's credit code or a staff username, and the password")
public record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
}
