package cn.emall.account;

import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.text.Msg;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Accounts")
public class AccountResource {

    private final AccountService accounts;
    private final AccountRepository stored;
    private final CurrentUser user;

    public AccountResource(AccountService accounts, AccountRepository stored, CurrentUser user) {
        this.accounts = accounts;
        this.stored = stored;
        this.user = user;
    }

    @Schema(description = "A staff account: its id, username and role")
    public record AccountView(long id, String username, String role) {

        static AccountView of(Account account) {
            return new AccountView(account.id, account.username, account.role);
        }
    }

    @GET
    @Operation(operationId = "listAccounts", summary = "The staff accounts (officers and the order system) by username, a "
            + "page at a time; suppliers' logins are not listed")
    public PageResponse<AccountView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return PageResponse.of(stored.staff(paging), paging, stored.staffCount(), AccountView::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAccount", summary = "One staff account, the path that creating it answers in Location")
    public AccountView get(@PathParam("id") long id) {
        return stored.staffAccount(id).map(AccountView::of)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_STAFF_ACCOUNT.with(id)));
    }

    @POST
    @Operation(operationId = "createAccount", summary = "Create an officer or order-system account (usernames are "
            + "case-insensitive); 409 when the username exists")
    @APIResponse(responseCode = "201", description = "The account, created",
            headers = @Header(name = "Location", description = "The path of the new account",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "409", description = "The username exists (duplicate-account); usernames are case-insensitive")
    public Response create(@Valid @NotNull CreateAccount request) {
        Account account = accounts.createStaff(user.name(), request.username(), request.password(), request.role().name());
        return Response.created(URI.create("/api/v1/accounts/" + account.id))
                .entity(AccountView.of(account)).build();
    }
}
