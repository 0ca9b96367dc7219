package cn.emall.testsupport.contract;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One exchange against the served document: the answer's status is one the operation documents and
 * its body is valid against the schema documented for that status and media type (problem bodies
 * included); a request the service accepted (2xx) is valid against the document too, while a refused
 * one may break it, as bad input does on purpose; a path or method the document does not have is
 * answered 404 or 405 with a valid problem. A batch answers 200 while it refuses lines one by one
 * (POST /api/v1/sales/batch: {@code refused} counts them); it accepted its request when it refused none.
 */
final class ExchangeCheck {

    private static final Set<String> OUTSIDE_KEYS = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<URI, ServedDocument> documents = new ConcurrentHashMap<>();

    /**
     * The verdict on one exchange.
     *
     * @param mismatches     what does not match the document; empty when the exchange matches
     * @param outside        the path or method is not in the document
     * @param requestChecked the service accepted the request, so it was checked against the document too
     */
    record Verdict(List<String> mismatches, boolean outside, boolean requestChecked) {
    }

    /**
     * @param base    the service (scheme, host and port), whose document is read once
     * @param request the request as sent, read only when the service accepted it; null when it cannot be
     *                presented to the validator (a multipart upload), so that only the answer is checked
     */
    Verdict check(URI base, Request.Method method, String path, Supplier<Request> request, Response response) {
        ServedDocument document = documents.computeIfAbsent(base, ServedDocument::of);
        List<ValidationReport.Message> errors = errors(document.validator().validateResponse(path, method, response));
        if (errors.stream().anyMatch(message -> OUTSIDE_KEYS.contains(message.getKey()))) {
            return new Verdict(outside(document, response), true, false);
        }
        boolean accepted = request != null && response.getStatus() >= 200 && response.getStatus() < 300
                && !refusedSome(response);
        if (accepted) {
            errors.addAll(errors(document.validator().validateRequest(request.get())).stream()
                    .map(message -> message.withAdditionalInfo("(in the request, which the service accepted)")).toList());
        }
        return new Verdict(errors.stream().map(ExchangeCheck::describe).toList(), false, accepted);
    }

    /** Not an operation of the document: the service must say so with a problem (404 or 405). */
    private static List<String> outside(ServedDocument document, Response response) {
        int status = response.getStatus();
        if (status != 404 && status != 405) {
            return List.of("not an operation of the document, yet answered " + status);
        }
        List<String> mismatches = new ArrayList<>();
        String type = response.getContentType().orElse("");
        if (!type.startsWith("application/problem+json")) {
            mismatches.add("answered as '" + type + "', not as a problem");
        }
        String body = bodyOf(response);
        if (body.isBlank()) {
            mismatches.add("no problem body");
        } else {
            errors(document.validateProblem(body)).stream().map(ExchangeCheck::describe).forEach(mismatches::add);
        }
        return mismatches;
    }

    private static boolean refusedSome(Response response) {
        String body = bodyOf(response);
        if (!body.startsWith("{")) {
            return false;
        }
        try {
            return JSON.readTree(body).path("refused").asInt() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String bodyOf(Response response) {
        try {
            return response.getResponseBody().isPresent()
                    ? response.getResponseBody().get().toString(StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static String describe(ValidationReport.Message message) {
        return message.getKey() + ": " + message.getMessage()
                + (message.getAdditionalInfo().isEmpty() ? "" : " " + String.join(" ", message.getAdditionalInfo()));
    }
}
