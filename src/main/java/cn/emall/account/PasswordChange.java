package cn.emall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A caller's new password, with its current one as proof. */
@Schema(description = "The body of PUT /api/v1/accounts/me/password: the caller's current password as proof, and the new one")
public record PasswordChange(
        @NotBlank @Size(max = 200) String currentPassword,
        @NotBlank @Size(min = 8, max = 72, message = "{PASSWORD_LENGTH}") String newPassword) {
}
