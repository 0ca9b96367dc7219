package cn.emall.platform.error;

import cn.emall.text.Catalogue;
import cn.emall.text.Localizable;
import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A broken rule or a refused request, answered as a problem document. The {@code kind} names the
 * rule and becomes the problem's stable {@code type}. Its title, detail and field messages are
 * catalogue texts, worded in the reader's language when the problem is answered ({@link #toProblem}).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final Msg title;
    private final Text detail;
    private final List<InvalidField> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String kind, Msg title, Text detail, List<InvalidField> errors) {
        super(kind);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public ProblemException(int status, String kind, Msg title, Text detail) {
        this(status, kind, title, detail, null);
    }

    public static ProblemException invalid(List<InvalidField> errors) {
        return new ProblemException(400, "validation", Msg.VALIDATION_TITLE, Msg.VALIDATION_DETAIL.with(errors.size()), errors);
    }

    public static ProblemException invalid(String field, Text message) {
        return invalid(List.of(new InvalidField(field, message)));
    }

    /** 404 {@code not-found}: {@code what} names the missing thing, such as {@code Msg.THE_NOTICE.with(id)}. */
    public static ProblemException notFound(Text what) {
        return new ProblemException(404, "not-found", Msg.NOT_FOUND_TITLE, Msg.NOT_FOUND_DETAIL.with(what));
    }

    public static ProblemException conflict(String kind, Msg title, Text detail) {
        return new ProblemException(409, kind, title, detail);
    }

    /**
     * Adds a fact to the problem document, e.g. the deadline that has passed. A {@link Localizable}
     * value, or a list of them, is worded with the rest of the problem.
     */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** Answers with {@code Retry-After: seconds}: when the same request may succeed (429, 503). */
    public ProblemException retryAfter(long seconds) {
        return header("Retry-After", String.valueOf(seconds));
    }

    /** Answers with this header too, such as {@code Content-Range} for 416. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The headers the answer carries besides its content type and language. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** The problem document in the language of {@code locale}. */
    public Problem toProblem(Locale locale) {
        Map<String, Object> shown = new LinkedHashMap<>();
        extensions.forEach((name, value) -> shown.put(name, shown(value, locale)));
        return new Problem(Problem.type(kind), title.with().in(locale), status, detail.in(locale),
                errors == null ? null : errors.stream().map(error -> error.in(locale)).toList(),
                shown.isEmpty() ? null : Map.copyOf(shown));
    }

    private static Object shown(Object value, Locale locale) {
        if (value instanceof Localizable localizable) {
            return localizable.in(locale);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> shown(item, locale)).toList();
        }
        return value;
    }

    /** The detail in English, for the log. */
    @Override
    public String getMessage() {
        return detail.in(Catalogue.ENGLISH);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public Text detail() {
        return detail;
    }

    /** The fields the problem names; empty when it names none. */
    public List<InvalidField> errors() {
        return errors == null ? List.of() : errors;
    }
}
