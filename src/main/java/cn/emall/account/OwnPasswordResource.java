package cn.emall.account;

import cn.emall.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every account changes its own password: officers, the order system and suppliers alike. */
@Path("/api/v1/accounts/me/password")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Accounts")
public class OwnPasswordResource {

    private final LoginService logins;
    private final CurrentUser user;

    public OwnPasswordResource(LoginService logins, CurrentUser user) {
        this.logins = logins;
        this.user = user;
    }

    @PUT
    @Operation(operationId = "changeOwnPassword", summary = "Change the caller's own password: 204; 400 when currentPassword is wrong (counted as a failed "
            + "login) or newPassword breaks the rules; 429 while the username is locked. Tokens already issued stay valid.")
    @APIResponse(responseCode = "204", description = "Changed: log in with the new password from now on")
    @APIResponse(responseCode = "429", description = "Too many failed logins for this username (login-locked); "
            + "retryAfterSeconds says how long to wait")
    public void change(@Valid @NotNull PasswordChange request) {
        logins.changePassword(user.name(), request.currentPassword(), request.newPassword());
    }
}
