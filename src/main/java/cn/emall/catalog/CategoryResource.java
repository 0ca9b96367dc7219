package cn.emall.catalog;

import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import java.util.List;
import java.util.Locale;

@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
public class CategoryResource {

    private final CategoryService categories;
    private final ProductService products;
    private final CurrentUser user;

    public CategoryResource(CategoryService categories, ProductService products, CurrentUser user) {
        this.categories = categories;
        this.products = products;
        this.user = user;
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(operationId = "listCategories", summary = "Categories and their parameter templates (public)")
    public PageResponse<CategoryView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return categories.page(PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Transactional
    @Operation(operationId = "getCategory", summary = "One category and its parameter template (public)")
    public CategoryView get(@PathParam("code") String code) {
        return categories.view(categories.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "createCategory", summary = "Create a category; 400 names each template rule broken; 409 when the "
            + "code exists")
    @APIResponse(responseCode = "201", description = "The category, created",
            headers = @Header(name = "Location", description = "The path of the new category",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryView.class)))
    @APIResponse(responseCode = "409", description = "A category with this code exists (duplicate-category)")
    public Response create(@Valid @NotNull CategoryRequest request) {
        Category category = categories.create(user.name(), request.code(), request.name(), request.parameters());
        return Response.created(URI.create("/api/v1/categories/" + category.code)).entity(get(category.code)).build();
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "replaceCategory", summary = "Replace a category's name and template. Existing listings are left "
            + "as they are; "
            + "GET .../nonconforming-products lists those that no longer satisfy the new template")
    public CategoryView replace(@PathParam("code") String code, @Valid @NotNull CategoryRequest request) {
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", Msg.CODE_NOT_THE_PATH.with(code));
        }
        categories.replace(user.name(), code, request.name(), request.parameters());
        return get(code);
    }

    @GET
    @Path("{code}/nonconforming-products")
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "listNonConformingListings", summary = "Live listings of the category that do not satisfy its "
            + "current template, with what is wrong (at most 'limit', default 200)")
    public List<ProductService.NonConforming> nonConforming(@PathParam("code") String code, @QueryParam("limit") Integer limit,
                                                            @Context HttpHeaders headers) {
        int max = limit == null ? 200 : limit;
        if (max < 1 || max > 1000) {
            throw ProblemException.invalid("limit", Msg.BETWEEN.with(1, 1000));
        }
        Locale locale = Catalogue.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return products.nonConforming(code, max).stream().map(unfit -> unfit.in(locale)).toList();
    }
}
