package cn.emall.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The service's own OpenAPI document ({@code /q/openapi?format=json}): its operations and their request bodies. */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One operation; {@code jsonBody} is its application/json request-body schema ($ref resolved), or null. */
    record Operation(String method, String path, List<String> roles, JsonNode jsonBody, boolean takesCsv,
                     boolean takesMultipart) {

        String key() {
            return method + " " + path;
        }
    }

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument fetch() {
        String text = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of the API, the operations endpoints under /q/ left out. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                for (JsonNode requirement : op.getValue().path("security")) {
                    requirement.properties().forEach(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                JsonNode json = content.path("application/json").path("schema");
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(roles),
                        json.isMissingNode() ? null : resolve(json), content.has("text/csv"),
                        content.has("multipart/form-data")));
            }
        }
        return operations;
    }

    /** One query or path parameter of an operation, and the values its schema enumerates (none when it lists none). */
    record Parameter(String name, String in, List<String> values) {
    }

    /** The operation's query and path parameters. */
    List<Parameter> parameters(Operation op) {
        List<Parameter> parameters = new ArrayList<>();
        JsonNode declared = root.path("paths").path(op.path()).path(op.method().toLowerCase(Locale.ROOT)).path("parameters");
        for (JsonNode parameter : declared) {
            JsonNode p = resolve(parameter);
            String in = p.path("in").asText();
            if (in.equals("query") || in.equals("path")) {
                List<String> values = new ArrayList<>();
                resolve(p.path("schema")).path("enum").forEach(value -> values.add(value.asText()));
                parameters.add(new Parameter(p.path("name").asText(), in, List.copyOf(values)));
            }
        }
        return parameters;
    }

    /** The schema itself, its {@code $ref} followed (also a single-element allOf, as generators write it). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20; hops++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                if (!ref.startsWith("#/")) {
                    throw new IllegalStateException("external $ref " + ref);
                }
                current = root.at(ref.substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1 && !current.has("properties")) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        throw new IllegalStateException("$ref cycle at " + schema);
    }

    /** The JSON type a schema declares: object, array, string, integer, number or boolean. */
    String typeOf(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("type")) {
            JsonNode type = resolved.get("type");
            return type.isArray() ? type.get(0).asText() : type.asText();
        }
        if (resolved.has("properties") || resolved.has("additionalProperties")) {
            return "object";
        }
        if (resolved.has("enum")) {
            return "string";
        }
        return "any";
    }
}
