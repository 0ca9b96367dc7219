package cn.emall.platform.web;

import cn.emall.platform.error.ProblemException;
import cn.emall.text.Msg;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Query parameters parsed with a 400 naming the parameter (JAX-RS would answer a bare 404). */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, Msg.MUST_BE_ONE_OF.with(Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).toList()));
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, Msg.MUST_BE_DATE.with());
        }
    }

    /** A free-text word as a SQL LIKE pattern matches it literally: backslash, % and _ escaped (ESCAPE '\\'). */
    public static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A state word such as PENDING, case-insensitive; null when absent. */
    public static String upperWord(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** A whole number that fits an int, such as {@code page}; null when absent. */
    public static Integer wholeNumber(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, Msg.MUST_BE_WHOLE_NUMBER.with());
        }
    }

    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, Msg.MUST_BE_WHOLE_NUMBER.with());
        }
    }
}
