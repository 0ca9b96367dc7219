package cn.emall.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/auth/token}: the credentials to log in with. */
public record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
}
