package cn.emall.catalog.model;

import cn.emall.text.Msg;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One named parameter of a category's standard parameter template: its type, and for a
 * {@link ParameterType#NUMBER} its unit and bounds, for an {@link ParameterType#ENUM} its
 * allowed values, and whether every listing of the category must give it.
 *
 * <p>The record accepts any input so that {@link #violations(String)} can report every
 * problem of a definition at once; a spec with violations must not be used to check listings.
 *
 * @param name     the parameter's name, the key under which listings give its value
 * @param type     the type of the value
 * @param unit     the unit of a NUMBER (for example {@code GB}), or {@code null}
 * @param min      the smallest value a NUMBER may take (inclusive), or {@code null}
 * @param max      the largest value a NUMBER may take (inclusive), or {@code null}
 * @param values   the allowed values of an ENUM, in the order to show them; never
 *                 {@code null} (given as {@code null}, it becomes empty)
 * @param required whether a listing must give a value
 */
@Schema(description = "One parameter of a category's template: its name (the key listings give it under), type, a NUMBER's "
        + "unit and bounds, an ENUM's allowed values, and whether listings must give it")
public record ParameterSpec(
        String name,
        ParameterType type,
        @Schema(nullable = true, description = "A NUMBER's unit, e.g. GB") String unit,
        @Schema(nullable = true, description = "The smallest value a NUMBER may take (inclusive)") BigDecimal min,
        @Schema(nullable = true, description = "The largest value a NUMBER may take (inclusive)") BigDecimal max,
        @Schema(description = "An ENUM's allowed values, in the order to show them; empty for the other "
                + "types") List<String> values,
        boolean required) {

    /** The longest parameter name, in characters. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Copies the allowed values, keeping any {@code null} element for {@link #violations}. */
    public ParameterSpec {
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * Checks this definition: the name is non-blank, has no surrounding whitespace and at most
     * {@value #MAX_NAME_LENGTH} characters; the type is given; an ENUM has at least one
     * allowed value, all non-blank and distinct, and only an ENUM has values; only a NUMBER
     * has a unit or bounds, its unit is non-blank and its minimum is not above its maximum.
     *
     * @param fieldPrefix the path of this spec in the input, for example {@code parameters[2]}
     * @return every violation, empty when the definition is sound
     */
    public List<Violation> violations(String fieldPrefix) {
        List<Violation> violations = new ArrayList<>();
        nameViolation(fieldPrefix + ".name", violations);
        if (type == null) {
            violations.add(new Violation(fieldPrefix + ".type", Msg.TEMPLATE_TYPE_REQUIRED.with()));
        }
        valuesViolations(fieldPrefix + ".values", violations);
        numberViolations(fieldPrefix, violations);
        return violations;
    }

    private void nameViolation(String field, List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field, Msg.MUST_NOT_BE_BLANK.with()));
        } else if (!name.equals(name.strip())) {
            violations.add(new Violation(field, Msg.TEMPLATE_NAME_WHITESPACE.with()));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            violations.add(new Violation(field, Msg.AT_MOST_CHARACTERS.with(MAX_NAME_LENGTH)));
        }
    }

    private void valuesViolations(String field, List<Violation> violations) {
        if (type != ParameterType.ENUM) {
            if (!values.isEmpty()) {
                violations.add(new Violation(field, Msg.TEMPLATE_VALUES_ONLY_FOR_ENUM.with()));
            }
            return;
        }
        if (values.isEmpty()) {
            violations.add(new Violation(field, Msg.TEMPLATE_ENUM_WITHOUT_VALUES.with()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                violations.add(new Violation(field + "[" + i + "]", Msg.MUST_NOT_BE_BLANK.with()));
            } else if (!seen.add(value)) {
                violations.add(new Violation(field + "[" + i + "]", Msg.TEMPLATE_DUPLICATE_VALUE.with(value)));
            }
        }
    }

    private void numberViolations(String fieldPrefix, List<Violation> violations) {
        if (type != ParameterType.NUMBER) {
            onlyForNumber(unit, fieldPrefix + ".unit", Msg.TEMPLATE_A_UNIT, violations);
            onlyForNumber(min, fieldPrefix + ".min", Msg.TEMPLATE_A_MINIMUM, violations);
            onlyForNumber(max, fieldPrefix + ".max", Msg.TEMPLATE_A_MAXIMUM, violations);
            return;
        }
        if (unit != null && unit.isBlank()) {
            violations.add(new Violation(fieldPrefix + ".unit", Msg.TEMPLATE_UNIT_BLANK.with()));
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            violations.add(new Violation(fieldPrefix + ".min", Msg.TEMPLATE_MIN_ABOVE_MAX.with(max)));
        }
    }

    private static void onlyForNumber(Object attribute, String field, Msg what,
            List<Violation> violations) {
        if (attribute != null) {
            violations.add(new Violation(field, Msg.TEMPLATE_ONLY_FOR_NUMBER.with(what.with())));
        }
    }
}
