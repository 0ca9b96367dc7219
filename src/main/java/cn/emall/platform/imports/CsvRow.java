package cn.emall.platform.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One data row of a CSV import, its cells read by column name. A cell that does not parse is
 * recorded as a {@link LineError} naming its column and read as {@code null}; so is an empty cell,
 * which the line's validation then refuses where a value is required.
 */
public final class CsvRow {

    private static final int SHOWN_CHARACTERS = 60;

    private final int line;
    private final Map<String, Integer> columns;
    private final List<String> cells;
    private final List<LineError> errors = new ArrayList<>();

    CsvRow(int line, Map<String, Integer> columns, List<String> cells) {
        this.line = line;
        this.columns = columns;
        this.cells = cells;
    }

    public int line() {
        return line;
    }

    /** The cell as written, or {@code null} when it is blank or the column is absent. */
    public String text(String column) {
        Integer index = columns.get(column);
        String cell = index == null ? null : cells.get(index);
        return cell == null || cell.isBlank() ? null : cell;
    }

    public Integer whole(String column) {
        return parse(column, Integer::valueOf, "must be a whole number");
    }

    public Long id(String column) {
        return parse(column, Long::valueOf, "must be a whole number");
    }

    public BigDecimal decimal(String column) {
        return parse(column, BigDecimal::new, "must be a number, such as 1299.00");
    }

    public LocalDate date(String column) {
        return parse(column, LocalDate::parse, "must be a real date as YYYY-MM-DD");
    }

    public OffsetDateTime timestamp(String column) {
        return parse(column, OffsetDateTime::parse,
                "must be a timestamp as ISO-8601 with offset, e.g. 2024-01-01T09:30:00+08:00");
    }

    /** Records a problem with a cell of this row. */
    public void reject(String column, String message) {
        errors.add(new LineError(line, column, message));
    }

    /** The cells that did not parse, and what {@link #reject} recorded. */
    public List<LineError> errors() {
        return List.copyOf(errors);
    }

    private <V> V parse(String column, Function<String, V> parser, String expectation) {
        String cell = text(column);
        if (cell == null) {
            return null;
        }
        try {
            return parser.apply(cell.trim());
        } catch (NumberFormatException | DateTimeParseException e) {
            reject(column, expectation + ", got '" + shown(cell) + "'");
            return null;
        }
    }

    private static String shown(String cell) {
        return cell.length() <= SHOWN_CHARACTERS ? cell : cell.substring(0, SHOWN_CHARACTERS) + "...";
    }
}
