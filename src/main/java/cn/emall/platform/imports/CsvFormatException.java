package cn.emall.platform.imports;

import cn.emall.text.Text;
import cn.emall.text.Catalogue;

/**
 * A CSV record that breaks RFC 4180: a quote where none may be, or a quoted cell never closed.
 * When {@link #isFatal()} is false the reader has skipped the rest of the broken line and can go
 * on with the next one; otherwise the file cannot be read any further.
 */
public class CsvFormatException extends RuntimeException {

    private final Text problem;
    private final int line;
    private final int cell;
    private final boolean fatal;

    public CsvFormatException(int line, int cell, Text problem, boolean fatal) {
        super(problem.in(Catalogue.ENGLISH));
        this.problem = problem;
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

    /** What is wrong with the record. */
    public Text problem() {
        return problem;
    }

    public boolean isFatal() {
        return fatal;
    }
}
