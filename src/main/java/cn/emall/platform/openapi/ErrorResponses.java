package cn.emall.platform.openapi;

import cn.emall.platform.error.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The error answers of every operation, as the service gives them: each operation lists the statuses
 * it can answer, and every error answer has the {@link Problem} body (application/problem+json).
 *
 * <p>The statuses every operation shares follow from its shape: 400 when it reads parameters or a
 * body, 413 and 415 when it reads a body, 401 and 403 when it needs a role, 404 when its path names
 * a resource, 500 and 503 always (an unexpected failure; the database unreachable, or the service
 * shutting down). What only some operations answer (409, 429, 404 for /suppliers/me...) is declared
 * on the operation with {@code @APIResponse(responseCode, description)}; this filter gives those the
 * problem body too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ErrorResponses implements OASFilter {

    /** The descriptions Quarkus gives the responses it adds itself, replaced by what they mean here. */
    private static final Set<String> GENERATED_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "The request breaks a rule: errors names each field and what is wrong (validation), or the body "
                    + "could not be read (malformed-request)",
            "401", "No valid bearer token (get one from POST /api/v1/auth/token)",
            "403", "The caller's role may not do this",
            "404", "No such resource, or not one the caller may see",
            "413", "The body is larger than the service accepts (32 MB)",
            "415", "The body is not of a media type this operation reads",
            "500", "The service failed unexpectedly; the problem names the incident to quote to the operator",
            "503", "The database is unreachable, or the service is shutting down; try again after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith("/q/") || path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                complete(path.getKey(), path.getValue(), operation);
            }
        }
    }

    private static void complete(String path, PathItem item, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = hasItems(operation.getParameters()) || hasItems(item.getParameters());
        boolean secured = hasItems(operation.getSecurity());
        if (body || parameters) {
            standard(responses, "400");
        }
        if (secured) {
            standard(responses, "401");
            standard(responses, "403");
        }
        if (path.contains("{")) {
            standard(responses, "404");
        }
        if (body) {
            standard(responses, "413");
            standard(responses, "415");
        }
        standard(responses, "500");
        standard(responses, "503");
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(status, response);
            }
        });
        responses.setAPIResponses(sorted);
    }

    private static void standard(APIResponses responses, String status) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status)));
        } else if (response.getDescription() == null || GENERATED_DESCRIPTIONS.contains(response.getDescription())) {
            response.setDescription(DESCRIPTIONS.get(status));
        }
    }

    private static void asProblem(String status, APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            Schema problem = OASFactory.createSchema().ref(Problem.SCHEMA);
            response.setContent(OASFactory.createContent()
                    .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problem)));
        }
        if (status.equals("401")) {
            header(response, "WWW-Authenticate", "Bearer: the service takes a bearer token");
        }
        if (status.equals("429")) {
            header(response, "Retry-After", "Seconds to wait before trying again", Schema.SchemaType.INTEGER);
        }
        if (status.equals("503")) {
            header(response, "Retry-After", "Seconds to wait before trying again", Schema.SchemaType.INTEGER);
        }
    }

    private static void header(APIResponse response, String name, String description) {
        header(response, name, description, Schema.SchemaType.STRING);
    }

    private static void header(APIResponse response, String name, String description, Schema.SchemaType type) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(type)));
        }
    }

    private static boolean hasItems(java.util.List<?> list) {
        return list != null && !list.isEmpty();
    }
}
