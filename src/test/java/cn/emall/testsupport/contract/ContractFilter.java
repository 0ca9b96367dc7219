package cn.emall.testsupport.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks every exchange a test makes through REST Assured against the OpenAPI document the service
 * serves: the status is one the operation documents, and the body is valid against the schema
 * documented for that status and media type (problem bodies included). A request the service accepted
 * (2xx) must be valid against the document too; a request it refused may break the document, as bad
 * input does on purpose. A path or method the document does not have must be answered 404 or 405 with
 * a valid problem. Mismatches are recorded for {@link ContractCallbacks} to fail the test with.
 */
final class ContractFilter implements OrderedFilter {

    static final ContractFilter INSTANCE = new ContractFilter();

    private static final Set<String> OUTSIDE_KEYS = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private final Map<URI, ServedDocument> documents = new ConcurrentHashMap<>();

    private ContractFilter() {
    }

    /** Adds this filter to REST Assured's defaults, once. */
    static void install() {
        synchronized (ContractFilter.class) {
            if (!RestAssured.filters().contains(INSTANCE)) {
                RestAssured.filters(INSTANCE);
            }
        }
    }

    /** Last of the filters, next to the wire: it sees the request as sent and the answer as received. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String path = uri.getPath();
        if (path.startsWith("/q/")) {
            ContractTally.count(ContractTally.SKIPPED);
            return response;
        }
        String exchange = request.getMethod() + " " + path + " -> " + response.statusCode();
        try {
            check(uri, path, request, response, exchange);
        } catch (RuntimeException e) {
            ContractTally.mismatch(exchange + ": the check failed: " + e);
        }
        return response;
    }

    private void check(URI uri, String path, FilterableRequestSpecification request, Response response, String exchange) {
        ServedDocument document = documents.computeIfAbsent(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()),
                ServedDocument::of);
        Request.Method method = Request.Method.valueOf(request.getMethod().toUpperCase(Locale.ROOT));
        ValidationReport answer = document.validator().validateResponse(path, method, RestAssuredResponse.of(response));
        List<ValidationReport.Message> errors = errors(answer);
        if (errors.stream().anyMatch(message -> OUTSIDE_KEYS.contains(message.getKey()))) {
            outside(document, response, exchange);
            return;
        }
        ContractTally.count(ContractTally.VALIDATED);
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            ContractTally.count(ContractTally.REQUESTS);
            errors.addAll(errors(document.validator().validateRequest(RestAssuredRequest.of(request))).stream()
                    .map(message -> message.withAdditionalInfo("in the request, which the service accepted")).toList());
        }
        if (!errors.isEmpty()) {
            ContractTally.mismatch(exchange + ": " + describe(errors) + "\n    answer: " + abbreviate(response.asString()));
        }
    }

    /** Not an operation of the document: the service must say so with a problem (404 or 405). */
    private static void outside(ServedDocument document, Response response, String exchange) {
        ContractTally.count(ContractTally.VALIDATED);
        ContractTally.count(ContractTally.OUTSIDE);
        int status = response.statusCode();
        if (status != 404 && status != 405) {
            ContractTally.mismatch(exchange + ": not an operation of the document, yet answered " + status);
            return;
        }
        List<ValidationReport.Message> errors = errors(document.validateProblem(response.asString()));
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            ContractTally.mismatch(exchange + ": answered as '" + response.contentType() + "', not a problem");
        } else if (!errors.isEmpty()) {
            ContractTally.mismatch(exchange + ": " + describe(errors) + "\n    answer: " + abbreviate(response.asString()));
        }
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .collect(Collectors.toList());
    }

    private static String describe(List<ValidationReport.Message> errors) {
        return errors.stream().map(message -> message.getKey() + ": " + message.getMessage()
                        + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo()))
                .collect(Collectors.joining("; "));
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
