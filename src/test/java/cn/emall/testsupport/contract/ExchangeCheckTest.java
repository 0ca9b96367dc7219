package cn.emall.testsupport.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check that every test's exchanges go through finds what does not match the served document:
 * made-up answers and requests, not sent, judged against the real document.
 */
@QuarkusTest
class ExchangeCheckTest {

    private static final String PRODUCT = "{\"id\": 1, \"supplierId\": 2, \"categoryCode\": \"DESKTOP\", \"brand\": \"联想\", "
            + "\"model\": \"M1\", \"name\": \"联想启天\", \"price\": %s, \"parameters\": {\"内存\": 16}, \"status\": \"LISTED\", "
            + "\"listedOn\": \"2024-03-01\", \"takenDownOn\": null, \"takedownReason\": null%s}";
    private static final String LISTING = "{\"categoryCode\": \"DESKTOP\", \"brand\": \"联想\", \"model\": \"M1\", "
            + "\"name\": \"联想启天\", \"price\": %s, \"parameters\": {\"内存\": 16}}";

    @TestHTTPResource("/")
    URI service;

    private final ExchangeCheck check = new ExchangeCheck();

    @Test
    void documentedAnswerMatches() {
        assertEquals(List.of(), get("/api/v1/products/1", json(200, PRODUCT.formatted("\"4999.00\"", ""))).mismatches());
    }

    @Test
    void statusTheOperationDoesNotDocumentIsAMismatch() {
        assertMismatch(get("/api/v1/products/1", json(202, PRODUCT.formatted("\"4999.00\"", ""))), "status");
    }

    @Test
    void moneyAsANumberIsAMismatch() {
        assertMismatch(get("/api/v1/products/1", json(200, PRODUCT.formatted("4999.0", ""))), "price");
    }

    @Test
    void memberTheDocumentDoesNotNameIsAMismatch() {
        assertMismatch(get("/api/v1/products/1", json(200, PRODUCT.formatted("\"4999.00\"", ", \"secret\": 1"))), "secret");
    }

    @Test
    void problemWithoutItsTypeIsAMismatch() {
        SimpleResponse problem = SimpleResponse.Builder.status(404).withContentType("application/problem+json")
                .withBody("{\"title\": \"Not found\", \"status\": 404, \"detail\": \"Listing 1 does not exist.\"}").build();
        assertMismatch(get("/api/v1/products/1", problem), "type");
    }

    @Test
    void pathOutsideTheDocumentMustBeAnsweredWithANotFoundProblem() {
        SimpleResponse notFound = SimpleResponse.Builder.status(404).withContentType("application/problem+json")
                .withBody("{\"type\": \"urn:emall:problem:not-found\", \"title\": \"Not found\", \"status\": 404, "
                        + "\"detail\": \"No such resource.\"}").build();
        ExchangeCheck.Verdict answered = get("/api/v1/nothing-here", notFound);
        assertTrue(answered.outside());
        assertEquals(List.of(), answered.mismatches());
        assertMismatch(get("/api/v1/nothing-here", json(200, "{}")), "not an operation");
    }

    @Test
    void acceptedRequestMustMatchTheDocumentAndARefusedOneNeedNot() {
        Request badPrice = listing("\"four thousand\"");
        ExchangeCheck.Verdict accepted = check.check(service, Request.Method.POST, "/api/v1/products", () -> badPrice,
                json(201, PRODUCT.formatted("\"4999.00\"", "")));
        assertTrue(accepted.requestChecked());
        assertMismatch(accepted, "price");
        SimpleResponse refusal = SimpleResponse.Builder.status(400).withContentType("application/problem+json")
                .withBody("{\"type\": \"urn:emall:problem:validation\", \"title\": \"Invalid request\", \"status\": 400, "
                        + "\"detail\": \"The request breaks 1 rule(s); see errors.\", "
                        + "\"errors\": [{\"field\": \"price\", \"message\": \"must be a number\"}]}").build();
        ExchangeCheck.Verdict refused = check.check(service, Request.Method.POST, "/api/v1/products", () -> badPrice, refusal);
        assertFalse(refused.requestChecked());
        assertEquals(List.of(), refused.mismatches());
        assertEquals(List.of(), check.check(service, Request.Method.POST, "/api/v1/products", () -> listing("\"4999.00\""),
                json(201, PRODUCT.formatted("\"4999.00\"", ""))).mismatches());
    }

    private ExchangeCheck.Verdict get(String path, SimpleResponse response) {
        return check.check(service, Request.Method.GET, path,
                () -> SimpleRequest.Builder.get(path).withHeader("Authorization", "Bearer x").build(), response);
    }

    private static Request listing(String price) {
        return SimpleRequest.Builder.post("/api/v1/products").withContentType("application/json")
                .withHeader("Authorization", "Bearer x").withBody(LISTING.formatted(price)).build();
    }

    private static SimpleResponse json(int status, String body) {
        return SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build();
    }

    private static void assertMismatch(ExchangeCheck.Verdict verdict, String about) {
        assertTrue(verdict.mismatches().stream().anyMatch(m -> m.contains(about)),
                "a mismatch about " + about + " in " + verdict.mismatches());
    }
}
