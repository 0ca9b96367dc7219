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
import java.util.Map;
import java.util.function.Function;

/**
 * What a Bean Validation violation says, as a catalogue text, so that it is worded in the reader's
 * language like every other problem (the validator's own interpolated message is not shown). A
 * constraint with a message of its own names its entry, as {@code message = "{PASSWORD_LENGTH}"};
 * the others say what their constraint type says. The arguments are the constraint's limits:
 * {@code {0}} and {@code {1}} are min and max of {@code @Size}, integer and fraction of
 * {@code @Digits}; {@code {0}} is the value of {@code @Min}, {@code @Max}, {@code @DecimalMin} and
 * {@code @DecimalMax} and the expression of {@code @Pattern}.
 */
public final class ConstraintTexts {

    /** How each constraint type the requests use is worded: its entry and its arguments. */
    static final Map<Class<? extends Annotation>, Wording> WORDINGS = Map.ofEntries(
            Map.entry(NotNull.class, Wording.of(Msg.MUST_NOT_BE_NULL)),
            Map.entry(NotBlank.class, Wording.of(Msg.MUST_NOT_BE_BLANK)),
            Map.entry(NotEmpty.class, Wording.of(Msg.MUST_NOT_BE_EMPTY)),
            Map.entry(Email.class, Wording.of(Msg.CONSTRAINT_EMAIL)),
            Map.entry(Size.class, new Wording(c -> Msg.CONSTRAINT_SIZE, c -> List.of(((Size) c).min(), ((Size) c).max()))),
            Map.entry(Min.class, new Wording(c -> Msg.CONSTRAINT_MIN, c -> List.of(((Min) c).value()))),
            Map.entry(Max.class, new Wording(c -> Msg.CONSTRAINT_MAX, c -> List.of(((Max) c).value()))),
            Map.entry(DecimalMin.class, new Wording(
                    c -> ((DecimalMin) c).inclusive() ? Msg.CONSTRAINT_DECIMAL_MIN_INCLUSIVE : Msg.CONSTRAINT_DECIMAL_MIN_EXCLUSIVE,
                    c -> List.of(((DecimalMin) c).value()))),
            Map.entry(DecimalMax.class, new Wording(
                    c -> ((DecimalMax) c).inclusive() ? Msg.CONSTRAINT_DECIMAL_MAX_INCLUSIVE : Msg.CONSTRAINT_DECIMAL_MAX_EXCLUSIVE,
                    c -> List.of(((DecimalMax) c).value()))),
            Map.entry(Digits.class, new Wording(c -> Msg.CONSTRAINT_DIGITS,
                    c -> List.of(((Digits) c).integer(), ((Digits) c).fraction()))),
            Map.entry(Pattern.class, new Wording(c -> Msg.CONSTRAINT_PATTERN, c -> List.of(((Pattern) c).regexp()))));

    /** A constraint type's entry and arguments. */
    record Wording(Function<Annotation, Msg> entry, Function<Annotation, List<Object>> arguments) {

        static Wording of(Msg entry) {
            return new Wording(c -> entry, c -> List.of());
        }
    }

    private ConstraintTexts() {
    }

    public static Text of(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Wording wording = WORDINGS.getOrDefault(constraint.annotationType(), Wording.of(Msg.CONSTRAINT_INVALID));
        Msg own = ownEntry(violation.getMessageTemplate());
        return new Text(own != null ? own : wording.entry().apply(constraint), wording.arguments().apply(constraint));
    }

    /** The entry a constraint names in braces as its message, or null for a constraint's standard message. */
    static Msg ownEntry(String template) {
        if (template == null || !template.matches("\\{[A-Z0-9_]+}")) {
            return null;
        }
        String name = template.substring(1, template.length() - 1);
        return Arrays.stream(Msg.values()).filter(msg -> msg.name().equals(name)).findFirst().orElse(null);
    }
}
