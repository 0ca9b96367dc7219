package cn.emall.platform.imports;

import cn.emall.text.Text;
import cn.emall.text.Msg;
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
 * recorded as a {@link LineProblem} naming its column and read as {@code null}; so is an empty cell,
 * which the line's validation then refuses where a value is required.
 */
public final class CsvRow {

    private static final int SHOWN_CHARACTERS = 60;

    private final int line;
    private final Map<String, Integer> columns;
    private final List<String> cells;
    private final List<LineProblem> errors = new ArrayList<>();

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
        return parse(column, Integer::valueOf, Msg.MUST_BE_WHOLE_NUMBER);
    }

    public Long id(String column) {
        return parse(column, Long::valueOf, Msg.MUST_BE_WHOLE_NUMBER);
    }

    public BigDecimal decimal(String column) {
        return parse(column, BigDecimal::new, Msg.CSV_MUST_BE_DECIMAL);
    }

    public LocalDate date(String column) {
        return parse(column, LocalDate::parse, Msg.MUST_BE_DATE);
    }

    public OffsetDateTime timestamp(String column) {
        return parse(column, OffsetDateTime::parse, Msg.MUST_BE_TIMESTAMP);
    }

    /** Records a problem with a cell of this row. */
    public void reject(String column, Text message) {
        errors.add(new LineProblem(line, column, message));
    }

    /** The cells that did not parse, and what {@link #reject} recorded. */
    public List<LineProblem> errors() {
        return List.copyOf(errors);
    }

    private <V> V parse(String column, Function<String, V> parser, Msg expectation) {
        String cell = text(column);
        if (cell == null) {
            return null;
        }
        try {
            return parser.apply(cell.trim());
        } catch (NumberFormatException | DateTimeParseException e) {
            reject(column, Msg.EXPECTED_GOT.with(expectation.with(), shown(cell)));
            return null;
        }
    }

    private static String shown(String cell) {
        return cell.length() <= SHOWN_CHARACTERS ? cell : cell.substring(0, SHOWN_CHARACTERS) + "...";
    }
}
