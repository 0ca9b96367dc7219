package cn.emall.testsupport.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The OpenAPI document a running service serves at {@code /q/openapi}, read once per service, and the
 * validator (swagger-request-validator) that checks exchanges against it.
 */
final class ServedDocument {

    /** The service checks authorization itself (AccessTableTest); the document only names the scheme. */
    private static final LevelResolver LEVELS = LevelResolver.create()
            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
            .build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;
    private final Schema<?> problem;

    private ServedDocument(OpenAPI api) {
        this.validator = OpenApiInteractionValidator.createFor(api).withLevelResolver(LEVELS).build();
        this.schemas = new SchemaValidator(api, new MessageResolver(LEVELS));
        if (!api.getComponents().getSchemas().containsKey("Problem")) {
            throw new IllegalStateException("the served document has no Problem schema");
        }
        this.problem = new Schema<>().$ref("#/components/schemas/Problem");
    }

    /** Reads the document of the service at {@code base} (scheme, host and port). */
    static ServedDocument of(URI base) {
        String text;
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + answer.statusCode());
            }
            text = answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IllegalStateException("the served document does not parse: " + parsed.getMessages());
        }
        return new ServedDocument(parsed.getOpenAPI());
    }

    OpenApiInteractionValidator validator() {
        return validator;
    }

    /** A body checked against the Problem schema, for answers to paths the document does not have. */
    ValidationReport validateProblem(String body) {
        return schemas.validate(() -> JSON.readTree(body), problem, "response.body");
    }
}
