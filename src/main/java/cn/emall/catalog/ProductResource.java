package cn.emall.catalog;

import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.platform.web.Params;
import cn.emall.text.Msg;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class ProductResource {

    private final ProductRepository repository;
    private final ProductService products;
    private final CurrentUser user;
    private final ListingCounts counts;

    public ProductResource(ProductRepository repository, ProductService products, CurrentUser user, ListingCounts counts) {
        this.repository = repository;
        this.products = products;
        this.user = user;
        this.counts = counts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @Operation(operationId = "createListing", summary = "List a product; its parameters must satisfy the category template "
            + "(400 names each parameter and what is wrong); "
            + "409 when brand + model is already listed or the supplier is not active")
    @APIResponse(responseCode = "201", description = "The listing, LISTED from today",
            headers = @Header(name = "Location", description = "The path of the new listing",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "The supplier already lists this brand + model (duplicate-listing), or is "
            + "not active (supplier-not-active)")
    public Response create(@Valid @NotNull ListingRequest request) {
        long supplierId = user.supplierId().orElseThrow();
        Product product = products.create(user.name(), supplierId, request.listing());
        return Response.created(URI.create("/api/v1/products/" + product.id)).entity(get(product.id)).build();
    }

    @GET
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Transactional
    @Operation(operationId = "listListings", summary = "Listings: a supplier sees its own; an officer sees all and may filter "
            + "by supplierId. "
            + "Filters: status, categoryCode, q (name, brand or model contains). A total above 1,000 may lag by a few seconds")
    public PageResponse<ProductView> list(@QueryParam("status") String status,
                                          @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                                          @QueryParam("supplierId") String supplierId,
                                          @QueryParam("categoryCode") String categoryCode, @QueryParam("q") String q,
                                          @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        Long supplier = user.isOfficer() ? Params.id("supplierId", supplierId) : user.supplierId().orElseThrow();
        var search = new ProductRepository.Search(supplier, Params.enumValue("status", status, ProductStatus.class),
                categoryCode, q);
        return PageResponse.of(repository.page(search, paging.page(), paging.size()), paging,
                counts.total(search, () -> repository.count(search)), products::view);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Transactional
    @Operation(operationId = "getListing", summary = "One listing (another supplier's answers 404)")
    public ProductView get(@PathParam("id") long id) {
        return products.view(visible(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    @Operation(operationId = "correctListing", summary = "Correct a listing against its category template; a taken-down "
            + "listing stays taken down until relisted")
    @APIResponse(responseCode = "200", description = "The listing, corrected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "The listing is WITHDRAWN or DELISTED (wrong-state), or the supplier "
            + "already lists the new brand + model (duplicate-listing)")
    public ProductView correct(@PathParam("id") long id, @Valid @NotNull ListingRequest request) {
        return products.view(products.correct(user.name(), visible(id), request.listing()));
    }

    @POST
    @Path("{id}/relist")
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    @Operation(operationId = "relistListing", summary = "Relist a taken-down listing: checked against the current template, "
            + "listed from today (restarts the 12-month count)")
    @APIResponse(responseCode = "200", description = "The listing, LISTED again from today",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "The listing is not TAKEN_DOWN (wrong-state), or the supplier is not "
            + "active (supplier-not-active)")
    public ProductView relist(@PathParam("id") long id) {
        return products.view(products.relist(user.name(), visible(id)));
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.SUPPLIER)
    @Transactional
    @Operation(operationId = "withdrawListing", summary = "Withdraw a listing (LISTED or TAKEN_DOWN); final")
    @APIResponse(responseCode = "200", description = "The listing, WITHDRAWN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "The listing is already WITHDRAWN or DELISTED (wrong-state)")
    public ProductView withdraw(@PathParam("id") long id) {
        return products.view(products.withdraw(user.name(), visible(id)));
    }

    @POST
    @Path("{id}/takedown")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Transactional
    @Operation(operationId = "takeDownListing", summary = "An officer takes a listing down, with a reason")
    @APIResponse(responseCode = "200", description = "The listing, TAKEN_DOWN; the supplier gets a rectification notice",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "The listing is not LISTED (wrong-state)")
    public ProductView takeDown(@PathParam("id") long id, @Valid @NotNull TakedownRequest request) {
        return products.view(products.takeDown(user.name(), visible(id), request.reason()));
    }

    private Product visible(long id) {
        return repository.findByIdOptional(id).filter(product -> user.maySee(product.supplierId))
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_LISTING.with(id)));
    }
}
