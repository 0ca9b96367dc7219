package cn.emall.testsupport.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.util.Locale;

/**
 * Puts every exchange a test makes through REST Assured to the {@link ExchangeCheck} against the
 * OpenAPI document the service serves, and records what does not match for {@link ContractCallbacks}
 * to fail the test with. The document is the API's, under /api/: the operations endpoints under /q/
 * and the web pages (cn.emall.web: /, /board..., their styles and scripts) are not part of it.
 */
final class ContractFilter implements OrderedFilter {

    static final ContractFilter INSTANCE = new ContractFilter();

    private final ExchangeCheck check = new ExchangeCheck();

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
        if (!path.startsWith("/api/")) {
            ContractTally.count(ContractTally.WEB_PAGES);
            return response;
        }
        String exchange = request.getMethod() + " " + path + " -> " + response.statusCode();
        try {
            ExchangeCheck.Verdict verdict = check.check(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()),
                    Request.Method.valueOf(request.getMethod().toUpperCase(Locale.ROOT)), path,
                    request.getMultiPartParams().isEmpty() ? () -> RestAssuredRequest.of(request) : null,
                    RestAssuredResponse.of(response));
            ContractTally.count(ContractTally.VALIDATED);
            if (verdict.outside()) {
                ContractTally.count(ContractTally.OUTSIDE);
            }
            if (verdict.requestChecked()) {
                ContractTally.count(ContractTally.REQUESTS);
            } else if (!request.getMultiPartParams().isEmpty() && response.statusCode() < 300) {
                ContractTally.count(ContractTally.MULTIPART);
            }
            if (!verdict.mismatches().isEmpty()) {
                ContractTally.mismatch(exchange + ": " + String.join("; ", verdict.mismatches()) + "\n    answer: "
                        + abbreviate(response.asString()));
            }
        } catch (RuntimeException e) {
            ContractTally.mismatch(exchange + ": the check failed: " + e);
        }
        return response;
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
