package cn.emall.platform.imports;

import cn.emall.text.Text;
import java.util.List;

/**
 * One line of an import as read from the file: its value, or why it could not be read.
 *
 * @param line   the line's number (see {@link LineError#line()})
 * @param value  the line, {@code null} when it was refused
 * @param errors why the line could not be read; empty when it was
 */
public record Parsed<T>(int line, T value, List<LineProblem> errors) {

    public Parsed {
        errors = List.copyOf(errors);
    }

    public static <T> Parsed<T> of(int line, T value) {
        return new Parsed<>(line, value, List.of());
    }

    public static <T> Parsed<T> refused(int line, List<LineProblem> errors) {
        return new Parsed<>(line, null, errors);
    }

    public static <T> Parsed<T> refused(int line, String field, Text message) {
        return refused(line, List.of(new LineProblem(line, field, message)));
    }

    public boolean isRefused() {
        return !errors.isEmpty();
    }
}
