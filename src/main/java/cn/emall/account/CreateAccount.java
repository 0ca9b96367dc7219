package cn.emall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/accounts}: a staff account. */
public record CreateAccount(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{USERNAME_FORMAT}") String username,
        @NotBlank @Size(min = 8, max = 72, message = "{PASSWORD_LENGTH}") String password,
        @NotNull StaffRole role) {
}
