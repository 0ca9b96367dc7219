package cn.emall.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scalars written where they are used. The scanner makes components of java.time types (LocalDate,
 * OffsetDateTime) and refers to them; a property so referred to cannot be nullable in OpenAPI 3.0
 * (a {@code $ref} takes no siblings), and generators read a plain {@code type: string, format: date}
 * best. This filter writes those scalars in place and drops their components; and it takes the
 * numeric bounds that {@code @Digits} and {@code @DecimalMin} leave off money, which is a string.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PlainScalars implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final Set<Schema.SchemaType> SCALARS = Set.of(Schema.SchemaType.STRING, Schema.SchemaType.INTEGER,
            Schema.SchemaType.NUMBER, Schema.SchemaType.BOOLEAN);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> scalars = new HashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (isPlainScalar(schema)) {
                scalars.put(COMPONENT_PREFIX + name, schema);
            }
        });
        Walk walk = new Walk(scalars);
        new ArrayList<>(openAPI.getComponents().getSchemas().values()).forEach(walk::visit);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                parameters(walk, item.getParameters());
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(operation -> operation(walk, operation));
                }
            }
        }
        scalars.keySet().forEach(ref -> openAPI.getComponents().removeSchema(ref.substring(COMPONENT_PREFIX.length())));
    }

    private static boolean isPlainScalar(Schema schema) {
        List<Schema.SchemaType> type = schema.getType();
        return type != null && type.size() == 1 && SCALARS.contains(type.get(0)) && schema.getEnumeration() == null
                && schema.getRef() == null && schema.getAllOf() == null && schema.getProperties() == null;
    }

    private static void operation(Walk walk, Operation operation) {
        parameters(walk, operation.getParameters());
        if (operation.getRequestBody() != null) {
            content(walk, operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                content(walk, response.getContent());
                if (response.getHeaders() != null) {
                    response.getHeaders().values().forEach(header -> walk.visit(header.getSchema()));
                }
            }
        }
    }

    private static void parameters(Walk walk, List<Parameter> parameters) {
        if (parameters != null) {
            parameters.forEach(parameter -> walk.visit(parameter.getSchema()));
        }
    }

    private static void content(Walk walk, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().map(MediaType::getSchema).forEach(walk::visit);
        }
    }

    /** Visits every schema once, writing referred scalars in place. */
    private static final class Walk {
        private final Map<String, Schema> scalars;
        private final Map<Schema, Boolean> seen = new IdentityHashMap<>();

        Walk(Map<String, Schema> scalars) {
            this.scalars = scalars;
        }

        void visit(Schema schema) {
            if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
                return;
            }
            inline(schema);
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(this::visit);
            }
            visit(schema.getItems());
            visit(schema.getAdditionalPropertiesSchema());
            visit(schema.getNot());
            for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (list != null) {
                    list.forEach(this::visit);
                }
            }
            collapseNullable(schema);
            if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)) {
                schema.setMinimum(null);
                schema.setMaximum(null);
                schema.setExclusiveMinimum(null);
                schema.setExclusiveMaximum(null);
                schema.setMultipleOf(null);
            }
        }

        /** {@code anyOf: [scalar, null]}, as the scanner writes a nullable reference, becomes the nullable scalar. */
        private static void collapseNullable(Schema schema) {
            List<Schema> anyOf = schema.getAnyOf();
            if (anyOf == null || anyOf.size() != 2) {
                return;
            }
            Schema none = anyOf.stream().filter(branch -> List.of(Schema.SchemaType.NULL).equals(branch.getType()))
                    .findFirst().orElse(null);
            Schema value = anyOf.stream().filter(branch -> branch != none).findFirst().orElse(null);
            if (none == null || value == null || !isPlainScalar(value)) {
                return;
            }
            schema.setAnyOf(null);
            schema.setType(List.of(value.getType().get(0), Schema.SchemaType.NULL));
            schema.setFormat(value.getFormat());
            if (schema.getExamples() == null && schema.getExample() == null) {
                schema.setExamples(value.getExamples());
                schema.setExample(value.getExample());
            }
        }

        /** {@code $ref} to a scalar, or {@code allOf} of just that ref (how a described property refers). */
        private void inline(Schema schema) {
            Schema scalar = schema.getRef() == null ? null : scalars.get(schema.getRef());
            if (scalar == null && schema.getAllOf() != null && schema.getAllOf().size() == 1
                    && schema.getAllOf().get(0).getRef() != null) {
                scalar = scalars.get(schema.getAllOf().get(0).getRef());
                if (scalar != null) {
                    schema.setAllOf(null);
                }
            }
            if (scalar == null) {
                return;
            }
            schema.setRef(null);
            schema.setType(scalar.getType());
            schema.setFormat(scalar.getFormat());
            if (schema.getExamples() == null && schema.getExample() == null) {
                schema.setExamples(scalar.getExamples());
                schema.setExample(scalar.getExample());
            }
            if (schema.getDescription() == null) {
                schema.setDescription(scalar.getDescription());
            }
        }
    }
}
