package cn.emall.account;

import cn.emall.platform.security.TokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Authentication")
public class AuthResource {

    private final LoginService logins;

    public AuthResource(LoginService logins) {
        this.logins = logins;
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @POST
    @Operation(summary = "Log in: a supplier with its credit code, officers and the order system with their username. "
            + "401 for wrong credentials (the same whether the user exists or not); 429 after repeated failures.")
    public TokenResponse token(@Valid @NotNull TokenRequest request) {
        TokenService.IssuedToken token = logins.login(request.username(), request.password());
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds());
    }
}
