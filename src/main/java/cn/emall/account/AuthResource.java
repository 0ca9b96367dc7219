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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    @Schema(description = "A bearer token: send it as 'Authorization: Bearer <accessToken>'; it expires after expiresIn seconds")
    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    @POST
    @Operation(operationId = "logIn", summary = "Log in: a supplier with its credit code, officers and the order system with "
            + "their username. "
            + "401 for wrong credentials (the same whether the user exists or not); 429 after repeated failures.")
    @APIResponse(responseCode = "200", description = "Logged in: the bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong credentials (invalid-credentials), the same whether the user "
            + "exists or not")
    @APIResponse(responseCode = "429", description = "Too many failed logins for this username (login-locked); "
            + "retryAfterSeconds says how long to wait")
    public TokenResponse token(@Valid @NotNull TokenRequest request) {
        TokenService.IssuedToken token = logins.login(request.username(), request.password());
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds());
    }
}
