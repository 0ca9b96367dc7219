package cn.emall.platform.imports;

import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) one record at a time, from any {@link Reader}, holding only the record at
 * hand. Cells are separated by commas; a cell may be quoted, and a quoted cell may hold commas,
 * line breaks and quotes written twice ({@code ""}). Records end with CRLF, LF or CR. A UTF-8 byte
 * order mark at the start is skipped, so files saved by Excel as "CSV UTF-8" read as they should.
 *
 * <p>Records are numbered as a spreadsheet numbers rows: the first record is line 1, and a line
 * break inside a quoted cell does not start a new one. Broken quoting is reported as a
 * {@link CsvFormatException} for that record: a quote inside an unquoted cell, or text after a
 * closing quote, skips the rest of the line and reading goes on; a quoted cell that is never closed
 * (or a record longer than {@value #MAX_RECORD_LENGTH} characters, the same mistake in a large file)
 * ends the file.
 */
public final class CsvReader {

    /** The longest record read, in characters; far more than any real line of an import. */
    public static final int MAX_RECORD_LENGTH = 100_000;

    private static final int END = -1;
    private static final int NOTHING = -2;
    private static final char BOM = '\uFEFF';
    private static final char QUOTE = '"';
    private static final char COMMA = ',';
    private static final char CR = '\r';
    private static final char LF = '\n';

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int pushedBack = NOTHING;
    private int line;
    private int recordLength;
    private int cell;
    private boolean started;
    private boolean ended;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /**
     * A reader of UTF-8 text that fails on bytes that are not UTF-8 (a file saved as GBK, say)
     * instead of guessing, when it reaches them, so that the error names the right line.
     */
    public static Reader utf8(InputStream in) {
        return new StrictUtf8Reader(in);
    }

    /**
     * One record.
     *
     * @param line  its number (the first record is line 1)
     * @param cells its cells, unquoted, in order; at least one
     */
    public record Record(int line, List<String> cells) {

        public Record {
            cells = List.copyOf(cells);
        }

        /** An empty line, or one of empty cells only (as spreadsheets leave at the end). */
        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The next record, or {@code null} at the end of the input.
     *
     * @throws CsvFormatException when the record breaks the quoting rules or is not UTF-8 text
     * @throws IOException        when the input cannot be read
     */
    public Record next() throws IOException {
        if (ended) {
            return null;
        }
        int number = line + 1;
        try {
            int c = read();
            if (!started) {
                started = true;
                c = c == BOM ? read() : c;
            }
            if (c == END) {
                ended = true;
                return null;
            }
            line = number;
            recordLength = 0;
            return new Record(number, cells(c));
        } catch (CharacterCodingException e) {
            ended = true;
            throw new CsvFormatException(number, 0, Msg.CSV_NOT_UTF8.with(), true);
        }
    }

    private List<String> cells(int first) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int c = first;
        while (true) {
            cell = cells.size() + 1;
            c = c == QUOTE ? quoted(text) : unquoted(c, text);
            cells.add(text.toString());
            text.setLength(0);
            if (c != COMMA) {
                endOfLine(c);
                return cells;
            }
            c = read();
        }
    }

    /** Reads a quoted cell after its opening quote; answers the character after the closing quote. */
    private int quoted(StringBuilder text) throws IOException {
        while (true) {
            int c = read();
            if (c == END) {
                ended = true;
                throw broken(Msg.CSV_QUOTE_NOT_CLOSED.with(cell), true);
            }
            if (c == QUOTE) {
                int after = read();
                if (after != QUOTE) {
                    if (after == COMMA || after == CR || after == LF || after == END) {
                        return after;
                    }
                    skipLine(after);
                    throw broken(Msg.CSV_TEXT_AFTER_QUOTE.with(cell), false);
                }
            }
            append(text, c);
        }
    }

    /** Reads an unquoted cell from its first character; answers the character that ends it. */
    private int unquoted(int first, StringBuilder text) throws IOException {
        int c = first;
        while (c != COMMA && c != CR && c != LF && c != END) {
            if (c == QUOTE) {
                skipLine(c);
                throw broken(Msg.CSV_QUOTE_INSIDE_CELL.with(cell), false);
            }
            append(text, c);
            c = read();
        }
        return c;
    }

    private void append(StringBuilder text, int c) {
        if (++recordLength > MAX_RECORD_LENGTH) {
            ended = true;
            throw broken(Msg.CSV_RECORD_TOO_LONG.with(MAX_RECORD_LENGTH), true);
        }
        text.append((char) c);
    }

    private void skipLine(int from) throws IOException {
        int c = from;
        while (c != CR && c != LF && c != END) {
            c = read();
        }
        endOfLine(c);
    }

    private void endOfLine(int c) throws IOException {
        if (c == CR) {
            int next = read();
            if (next != LF) {
                pushedBack = next;
            }
        } else if (c == END) {
            ended = true;
        }
    }

    private CsvFormatException broken(Text message, boolean fatal) {
        return new CsvFormatException(line, cell, message, fatal);
    }

    private int read() throws IOException {
        if (pushedBack != NOTHING) {
            int c = pushedBack;
            pushedBack = NOTHING;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return END;
            }
        }
        return buffer[position++];
    }
}
