package cn.emall.platform.imports;

import java.io.IOException;

/**
 * The lines of an import, read one at a time from the request body, so that a file of any length
 * is never held in memory. A line that cannot be read (malformed, a value of the wrong type) comes
 * back {@linkplain Parsed#isRefused() refused} and reading goes on with the next one, unless the
 * file is broken beyond that line (JSON syntax, an unclosed quote at the end of a CSV file): then it
 * is the last line answered.
 *
 * @param <T> the request type of one line
 */
public interface LineSource<T> {

    /**
     * The next line, or {@code null} after the last one.
     *
     * @throws IOException when the request body cannot be read
     */
    Parsed<T> next() throws IOException;

    /**
     * The name this source gives to a field of {@code T}, for example the CSV column
     * {@code refersToLineNo} for {@code refersTo.lineNo}; the field itself unless the format
     * names it otherwise.
     */
    default String nameOf(String field) {
        return field;
    }
}
