package cn.emall.platform.imports;

import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.text.SafeText;
import cn.emall.text.Msg;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The lines of a CSV import. The first record is the header: it names the columns, in any order,
 * matched to the known ones without regard to case. An unknown, repeated or missing required column
 * refuses the whole file (400 {@code import-columns}, one error per column) before any line is
 * read. Each data row then becomes a {@code T}; blank rows are skipped (they keep their number), and a
 * row with a cell that {@link SafeText} refuses (a NUL, say) is refused naming the cell's column.
 *
 * @param <T> the request type of one line
 */
public final class CsvSource<T> implements LineSource<T> {

    /** The media type of a CSV import. */
    public static final String MEDIA_TYPE = "text/csv";

    private final CsvReader reader;
    private final List<String> required;
    private final List<String> optional;
    private final Function<CsvRow, T> mapper;
    private final UnaryOperator<String> columnOf;
    private Map<String, Integer> columns;
    private List<String> header;

    /**
     * @param in       the file's text
     * @param required the columns every file must have
     * @param optional the columns a file may have
     * @param mapper   makes a line of a row, recording cell problems with {@link CsvRow#reject}
     * @param columnOf the column a field of {@code T} comes from, for the line errors found later
     */
    public CsvSource(Reader in, List<String> required, List<String> optional, Function<CsvRow, T> mapper,
                     UnaryOperator<String> columnOf) {
        this.reader = new CsvReader(in);
        this.required = List.copyOf(required);
        this.optional = List.copyOf(optional);
        this.mapper = mapper;
        this.columnOf = columnOf;
    }

    @Override
    public Parsed<T> next() throws IOException {
        if (columns == null) {
            readHeader();
        }
        while (true) {
            CsvReader.Record record;
            try {
                record = reader.next();
            } catch (CsvFormatException e) {
                return Parsed.refused(e.line(), columnAt(e.cell()), e.problem());
            }
            if (record == null) {
                return null;
            }
            if (!record.isBlank()) {
                return parse(record);
            }
        }
    }

    @Override
    public String nameOf(String field) {
        return columnOf.apply(field);
    }

    private Parsed<T> parse(CsvReader.Record record) {
        if (record.cells().size() != header.size()) {
            return Parsed.refused(record.line(), null, Msg.CSV_CELL_COUNT.with(record.cells().size(), header.size()));
        }
        List<LineProblem> unsafe = new ArrayList<>();
        for (int i = 0; i < record.cells().size(); i++) {
            String column = header.get(i);
            SafeText.problem(record.cells().get(i)).ifPresent(problem -> unsafe.add(new LineProblem(record.line(), column, problem)));
        }
        if (!unsafe.isEmpty()) {
            return Parsed.refused(record.line(), unsafe);
        }
        CsvRow row = new CsvRow(record.line(), columns, record.cells());
        T value = mapper.apply(row);
        return row.errors().isEmpty() ? Parsed.of(record.line(), value) : Parsed.refused(record.line(), row.errors());
    }

    private String columnAt(int cell) {
        return cell >= 1 && cell <= header.size() ? header.get(cell - 1) : null;
    }

    private void readHeader() throws IOException {
        CsvReader.Record record;
        try {
            record = reader.next();
        } catch (CsvFormatException e) {
            throw columnsProblem(List.of(new InvalidField("header", e.problem())));
        }
        if (record == null || record.isBlank()) {
            throw columnsProblem(List.of(new InvalidField("header", Msg.CSV_HEADER_MISSING.with())));
        }
        Map<String, String> known = new HashMap<>();
        required.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        optional.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<InvalidField> errors = new ArrayList<>();
        for (int i = 0; i < record.cells().size(); i++) {
            String name = record.cells().get(i).trim();
            String column = known.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new InvalidField(name.isEmpty() ? "column " + (i + 1) : name, Msg.CSV_COLUMN_UNKNOWN.with()));
            } else if (found.putIfAbsent(column, i) != null) {
                errors.add(new InvalidField(column, Msg.CSV_COLUMN_REPEATED.with()));
            }
            names.add(column == null ? name : column);
        }
        required.stream().filter(c -> !found.containsKey(c))
                .forEach(c -> errors.add(new InvalidField(c, Msg.CSV_COLUMN_MISSING.with())));
        if (!errors.isEmpty()) {
            throw columnsProblem(errors);
        }
        columns = Map.copyOf(found);
        header = List.copyOf(names);
    }

    private ProblemException columnsProblem(List<InvalidField> errors) {
        return new ProblemException(400, "import-columns", Msg.IMPORT_COLUMNS_TITLE, optional.isEmpty()
                ? Msg.IMPORT_COLUMNS_DETAIL.with(required)
                : Msg.IMPORT_COLUMNS_DETAIL_WITH_OPTIONAL.with(required, optional), errors)
                .with("requiredColumns", required)
                .with("optionalColumns", optional);
    }
}
