package cn.emall.catalog.model;

import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A category's standard parameter template (标准商品参数体系): the named parameters that
 * its listings carry. It checks its own definition ({@link #violations()}) and the
 * parameters of a listing ({@link #check(Map)}), and prepares valid parameters for storage
 * ({@link #normalize(Map)}).
 *
 * <p>Listing values are what Jackson reads from JSON: a {@link String}, a {@link Number}, a
 * {@link Boolean}, or something else (a list, a map, {@code null}).
 *
 * @param parameters the parameters in the order to show them; never {@code null}
 */
public record ParameterTemplate(List<ParameterSpec> parameters) {

    /** The most parameters a template may define. */
    public static final int MAX_PARAMETERS = 100;

    /** The longest TEXT value, in characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    /** Copies the parameters, keeping any {@code null} element for {@link #violations()}. */
    public ParameterTemplate {
        parameters = parameters == null
                ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /**
     * Checks this definition: at most {@value #MAX_PARAMETERS} parameters, each one sound
     * (see {@link ParameterSpec#violations(String)}, reported as {@code parameters[i].x}) and
     * no two with the same name.
     *
     * @return every violation, empty when the template may be used
     */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (parameters.size() > MAX_PARAMETERS) {
            violations.add(new Violation("parameters", Msg.TEMPLATE_TOO_MANY_PARAMETERS.with(MAX_PARAMETERS, parameters.size())));
        }
        Map<String, Integer> firstIndexByName = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            String prefix = "parameters[" + i + "]";
            ParameterSpec spec = parameters.get(i);
            if (spec == null) {
                violations.add(new Violation(prefix, Msg.MUST_NOT_BE_NULL.with()));
                continue;
            }
            violations.addAll(spec.violations(prefix));
            if (spec.name() != null) {
                Integer first = firstIndexByName.putIfAbsent(spec.name(), i);
                if (first != null) {
                    violations.add(new Violation(prefix + ".name", Msg.TEMPLATE_DUPLICATE_NAME.with(spec.name(), first)));
                }
            }
        }
        return violations;
    }

    /**
     * Checks a listing's parameters against this template, which must itself be valid.
     * Each parameter gives at most one violation, with field {@code parameters.<name>}: a
     * required parameter missing or {@code null}; a value of the wrong type (TEXT wants a
     * non-blank string of at most {@value #MAX_TEXT_LENGTH} characters, NUMBER a finite JSON
     * number, not a numeric string, ENUM one of the allowed strings, exactly, BOOLEAN
     * {@code true} or {@code false}); a NUMBER outside its bounds; a name that the template
     * does not define.
     *
     * @param values the listing's parameters by name; {@code null} counts as none
     * @return every violation, in template order and then unknown names alphabetically;
     *         empty when the listing's parameters are acceptable
     */
    public List<Violation> check(Map<String, Object> values) {
        Map<String, Object> given = values == null ? Map.of() : values;
        List<Violation> violations = new ArrayList<>();
        for (ParameterSpec spec : parameters) {
            Object value = given.get(spec.name());
            Optional<Text> problem = value == null
                    ? missing(spec)
                    : problemWith(spec, value);
            problem.ifPresent(message ->
                    violations.add(new Violation("parameters." + spec.name(), message)));
        }
        for (String name : unknownNames(given)) {
            violations.add(new Violation("parameters." + name, Msg.PARAMETER_UNKNOWN.with()));
        }
        return violations;
    }

    /**
     * Prepares parameters that passed {@link #check(Map)} for storage as JSON: in template
     * order, without the optional parameters given as {@code null}, and with every NUMBER as
     * a {@link BigDecimal} without trailing zeros or a negative scale ({@code 16.0} becomes
     * {@code 16}, {@code 100} stays {@code 100}).
     *
     * @param values the listing's parameters by name; {@code null} counts as none
     * @return a new, unmodifiable map in template order
     * @throws IllegalArgumentException when the values do not pass {@link #check(Map)}
     */
    public Map<String, Object> normalize(Map<String, Object> values) {
        List<Violation> violations = check(values);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("parameters do not satisfy the template: " + violations);
        }
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (ParameterSpec spec : parameters) {
            Object value = values == null ? null : values.get(spec.name());
            if (value != null) {
                normalized.put(spec.name(), spec.type() == ParameterType.NUMBER
                        ? plain(decimal((Number) value).orElseThrow())
                        : value);
            }
        }
        return Collections.unmodifiableMap(normalized);
    }

    private static Optional<Text> missing(ParameterSpec spec) {
        return spec.required() ? Optional.of(Msg.PARAMETER_REQUIRED.with()) : Optional.empty();
    }

    private static Optional<Text> problemWith(ParameterSpec spec, Object value) {
        return switch (spec.type()) {
            case TEXT -> textProblem(value);
            case NUMBER -> numberProblem(spec, value);
            case ENUM -> enumProblem(spec, value);
            case BOOLEAN -> value instanceof Boolean
                    ? Optional.empty()
                    : Optional.of(Msg.PARAMETER_NOT_BOOLEAN.with());
        };
    }

    private static Optional<Text> textProblem(Object value) {
        if (!(value instanceof String text)) {
            return Optional.of(Msg.PARAMETER_NOT_TEXT.with());
        }
        if (text.isBlank()) {
            return Optional.of(Msg.MUST_NOT_BE_BLANK.with());
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            return Optional.of(Msg.AT_MOST_CHARACTERS.with(MAX_TEXT_LENGTH));
        }
        return Optional.empty();
    }

    private static Optional<Text> numberProblem(ParameterSpec spec, Object value) {
        if (!(value instanceof Number number)) {
            return Optional.of(Msg.PARAMETER_NOT_NUMBER.with());
        }
        Optional<BigDecimal> decimal = decimal(number);
        if (decimal.isEmpty()) {
            return Optional.of(Msg.PARAMETER_NOT_FINITE.with());
        }
        BigDecimal min = spec.min();
        BigDecimal max = spec.max();
        if (min != null && decimal.get().compareTo(min) < 0) {
            return Optional.of(Msg.PARAMETER_BELOW_MINIMUM.with(range(spec)));
        }
        if (max != null && decimal.get().compareTo(max) > 0) {
            return Optional.of(Msg.PARAMETER_ABOVE_MAXIMUM.with(range(spec)));
        }
        return Optional.empty();
    }

    private static Text range(ParameterSpec spec) {
        String unit = spec.unit() == null ? "" : " " + spec.unit();
        if (spec.min() == null) {
            return Msg.PARAMETER_AT_MOST.with(plain(spec.max()), unit);
        }
        if (spec.max() == null) {
            return Msg.PARAMETER_AT_LEAST.with(plain(spec.min()), unit);
        }
        return Msg.PARAMETER_BETWEEN.with(plain(spec.min()), plain(spec.max()), unit);
    }

    private static Optional<Text> enumProblem(ParameterSpec spec, Object value) {
        if (!(value instanceof String text)) {
            return Optional.of(Msg.PARAMETER_NOT_ENUM.with(spec.values().toString()));
        }
        if (!spec.values().contains(text)) {
            return Optional.of(Msg.PARAMETER_NOT_ALLOWED.with(spec.values().toString()));
        }
        return Optional.empty();
    }

    private Set<String> unknownNames(Map<String, Object> given) {
        Set<String> known = parameters.stream().map(ParameterSpec::name).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(known);
        return unknown;
    }

    /** The exact value of a JSON number, or empty for NaN and the infinities. */
    private static Optional<BigDecimal> decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (number instanceof BigInteger integer) {
            return Optional.of(new BigDecimal(integer));
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? Optional.of(new BigDecimal(number.toString())) : Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(number.longValue()));
    }

    private static BigDecimal plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
