package cn.emall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/accounts}: a staff account. */
public record CreateAccount(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "must be 3-64 letters, digits, '.', '_' or '-'") String username,
        @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password,
        @NotNull StaffRole role) {
}
