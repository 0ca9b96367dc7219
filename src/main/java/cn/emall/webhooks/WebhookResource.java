package cn.emall.webhooks;

import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** Officers register the receivers that the e-mall signs and sends its events to (docs/webhooks.md). */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed(Roles.OFFICER)
public class WebhookResource {

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final CurrentUser user;

    public WebhookResource(Webhooks webhooks, WebhookDeliveries deliveries, CurrentUser user) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook", summary = "Register a receiver for the events from now on; the answer shows its "
            + "signing secret, this once. 400 names url (not https, or its host resolves to a private, loopback or "
            + "link-local address) or events[i] (an unknown type)")
    @APIResponse(responseCode = "201", description = "The receiver, registered, with its secret",
            headers = @Header(name = "Location", description = "The path of the new receiver",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegisteredWebhook.class)))
    public Response register(@Valid @NotNull WebhookRequest request) {
        RegisteredWebhook registered = webhooks.register(user.name(), request);
        return Response.created(URI.create("/api/v1/webhooks/" + registered.id())).entity(registered).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The registered receivers, oldest first, without their secrets")
    public PageResponse<WebhookView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return webhooks.list(PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One receiver: its URL, event types, status and how many events wait for it")
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a receiver, its queue and its delivery record")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(user.name(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The receiver's deliveries, newest first, each with every "
            + "attempt: when, the status code or the error, how long it took")
    public PageResponse<DeliveryView> deliveries(@PathParam("id") long id, @QueryParam("page") Integer page,
                                                 @QueryParam("size") Integer size) {
        return webhooks.deliveries(id, PageRequest.of(page, size));
    }

    @POST
    @Path("{id}/test")
    @Operation(operationId = "testWebhook", summary = "Send a signed test message (type webhook.test) to the receiver now and "
            + "answer how it went; a 410 answer disables the receiver")
    @APIResponse(responseCode = "200", description = "The test delivery and its attempt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView test(@PathParam("id") long id) {
        Webhooks.Target target = webhooks.target(id);
        return webhooks.delivery(deliveries.test(id, target.url(), target.sealedSecret()));
    }
}
