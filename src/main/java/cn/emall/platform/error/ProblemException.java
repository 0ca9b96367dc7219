package cn.emall.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A broken rule or a refused request, answered as a problem document. The {@code kind} names the
 * rule and becomes the problem's stable {@code type}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String kind, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public ProblemException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, null);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Invalid request",
                "The request breaks " + errors.size() + " rule(s); see errors.", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist.");
    }

    public static ProblemException conflict(String kind, String title, String detail) {
        return new ProblemException(409, kind, title, detail);
    }

    /** Adds a fact to the problem document, e.g. the deadline that has passed. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Problem toProblem() {
        return new Problem(Problem.type(kind), title, status, getMessage(), errors,
                extensions.isEmpty() ? null : Map.copyOf(extensions));
    }

    public int status() {
        return status;
    }
}
