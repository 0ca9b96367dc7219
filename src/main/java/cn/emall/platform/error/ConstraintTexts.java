package cn.emall.platform.error;

import cn.emall.text.Msg;
import cn.emall.text.Text;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;

/**
 * What a Bean Validation violation says, as a catalogue text, so that it is worded in the reader's
 * language like every other problem. A constraint with its own message names its entry as
 * {@code message = "{ENTRY}"}; the others say what their constraint type says. The arguments are the
 * constraint's limits: {@code {0}, {1}} are min and max of {@code @Size}, {@code {0}} the value of
 * {@code @Min}, {@code @Max}, {@code @DecimalMin} and {@code @DecimalMax}, integer and fraction of
 * {@code @Digits}, the expression of {@code @Pattern}.
 */
public final class ConstraintTexts {

    private ConstraintTexts() {
    }

    public static Text of(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        List<Object> args = argumentsOf(constraint);
        Msg own = ownEntry(violation.getMessageTemplate());
        return new Text(own != null ? own : entryOf(constraint), args);
    }

    /** The entry a constraint names with {@code message = "{ENTRY}"}, or null. */
    static Msg ownEntry(String template) {
        if (template == null || !template.matches("\\{[A-Z0-9_]+}")) {
            return null;
        }
        String name = template.substring(1, template.length() - 1);
        return Arrays.stream(Msg.values()).filter(msg -> msg.name().equals(name)).findFirst().orElse(null);
    }

    private static Msg entryOf(Annotation constraint) {
        if (constraint instanceof NotNull) {
            return Msg.MUST_NOT_BE_NULL;
        }
        if (constraint instanceof NotBlank) {
            return Msg.MUST_NOT_BE_BLANK;
        }
        if (constraint instanceof NotEmpty) {
            return Msg.MUST_NOT_BE_EMPTY;
        }
        if (constraint instanceof Size) {
            return Msg.CONSTRAINT_SIZE;
        }
        if (constraint instanceof Min) {
            return Msg.CONSTRAINT_MIN;
        }
        if (constraint instanceof Max) {
            return Msg.CONSTRAINT_MAX;
        }
        if (constraint instanceof DecimalMin min) {
            return min.inclusive() ? Msg.CONSTRAINT_DECIMAL_MIN_INCLUSIVE : Msg.CONSTRAINT_DECIMAL_MIN_EXCLUSIVE;
        }
        if (constraint instanceof DecimalMax max) {
            return max.inclusive() ? Msg.CONSTRAINT_DECIMAL_MAX_INCLUSIVE : Msg.CONSTRAINT_DECIMAL_MAX_EXCLUSIVE;
        }
        if (constraint instanceof Digits) {
            return Msg.CONSTRAINT_DIGITS;
        }
        if (constraint instanceof Pattern) {
            return Msg.CONSTRAINT_PATTERN;
        }
        if (constraint instanceof Email) {
            return Msg.CONSTRAINT_EMAIL;
        }
        return Msg.CONSTRAINT_INVALID;
    }

    private static List<Object> argumentsOf(Annotation constraint) {
        if (constraint instanceof Size size) {
            return List.of(size.min(), size.max());
        }
        if (constraint instanceof Min min) {
            return List.of(min.value());
        }
        if (constraint instanceof Max max) {
            return List.of(max.value());
        }
        if (constraint instanceof DecimalMin min) {
            return List.of(min.value());
        }
        if (constraint instanceof DecimalMax max) {
            return List.of(max.value());
        }
        if (constraint instanceof Digits digits) {
            return List.of(digits.integer(), digits.fraction());
        }
        if (constraint instanceof Pattern pattern) {
            return List.of(pattern.regexp());
        }
        return List.of();
    }
}
