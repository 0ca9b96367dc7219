package cn.emall.web.console;

import cn.emall.platform.error.FieldError;
import cn.emall.platform.error.Problem;
import cn.emall.platform.error.ProblemException;
import cn.emall.text.Catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's refusal shown in the form that caused it: each field's message beside its field
 * ({@code {errors.of('reason')}}), and the problem's own detail above the form when it names no field
 * (a supplier no longer pending, say). The rule stays the service's; the page only shows its words.
 */
public record FormErrors(String summary, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public static FormErrors of(ProblemException e) {
        Problem problem = e.toProblem(Catalogue.CHINESE);
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.errors() != null) {
            for (FieldError error : problem.errors()) {
                fields.merge(error.field(), error.message(), (a, b) -> a + "；" + b);
            }
        }
        return new FormErrors(fields.isEmpty() ? problem.detail() : problem.title(), Map.copyOf(fields));
    }

    public boolean any() {
        return summary != null;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The field's message, or an empty text. */
    public String of(String field) {
        return fields.getOrDefault(field, "");
    }
}
