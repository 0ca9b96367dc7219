package cn.emall.platform.imports;

/**
 * A CSV record that breaks RFC 4180: a quote where none may be, or a quoted cell never closed.
 * When {@link #isFatal()} is false the reader has skipped the rest of the broken line and can go
 * on with the next one; otherwise the file cannot be read any further.
 */
public class CsvFormatException extends RuntimeException {

    private final int line;
    private final int cell;
    private final boolean fatal;

    public CsvFormatException(int line, int cell, String message, boolean fatal) {
        super(message);
        this.line = line;
        this.cell = cell;
        this.fatal = fatal;
    }

    /** The record's line number, counting records as a spreadsheet numbers rows (the first is 1). */
    public int line() {
        return line;
    }

    /** The broken cell, from 1; 0 when it is not known. */
    public int cell() {
        return cell;
    }

    public boolean isFatal() {
        return fatal;
    }
}
