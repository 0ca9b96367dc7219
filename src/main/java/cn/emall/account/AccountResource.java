package cn.emall.account;

import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Accounts")
public class AccountResource {

    private final AccountService accounts;
    private final CurrentUser user;

    public AccountResource(AccountService accounts, CurrentUser user) {
        this.accounts = accounts;
        this.user = user;
    }

    public record AccountView(long id, String username, String role) {
    }

    @POST
    @Operation(summary = "Create an officer or order-system account (usernames are case-insensitive); 409 when the username exists")
    public Response create(@Valid @NotNull CreateAccount request) {
        Account account = accounts.createStaff(user.name(), request.username(), request.password(), request.role().name());
        return Response.created(URI.create("/api/v1/accounts/" + account.id))
                .entity(new AccountView(account.id, account.username, account.role)).build();
    }
}
