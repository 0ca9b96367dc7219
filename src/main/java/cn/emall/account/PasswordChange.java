package cn.emall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A caller's new password, with its current one as proof. */
public record PasswordChange(
        @NotBlank @Size(max = 200) String currentPassword,
        @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String newPassword) {
}
