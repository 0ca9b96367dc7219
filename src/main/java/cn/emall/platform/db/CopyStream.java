package cn.emall.platform.db;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Rows streamed into one table with one PostgreSQL {@code COPY ... FROM STDIN} in text
 * format, sent in chunks of about 1 MB as they fill. Fields are appended in column order, then
 * {@link #endRow()} closes the row. A connection runs one COPY at a time: close a stream
 * before the next one writes.
 */
public final class CopyStream implements AutoCloseable {

    private static final int FLUSH_CHARS = 400_000;

    private final CopyManager copy;
    private final String sql;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private CopyIn statement;
    private boolean rowStarted;
    private int cachedDay = Integer.MIN_VALUE;
    private String cachedDate;

    /**
     * @param copy      the connection's copy API
     * @param statement {@code COPY table (columns) FROM STDIN}, the columns in the order fields are
     *                  appended; written out by the caller, so that the table it writes is in its source
     */
    public CopyStream(CopyManager copy, String statement) {
        this.copy = copy;
        this.sql = statement;
    }

    /** A text field, escaped for the text format. */
    public CopyStream text(String value) {
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    /** An integer field. */
    public CopyStream number(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    /** A decimal field with two places, given in hundredths (cents). */
    public CopyStream cents(long value) {
        separate();
        if (value < 0) {
            buffer.append('-');
        }
        long magnitude = Math.abs(value);
        buffer.append(magnitude / 100).append('.');
        appendPadded(magnitude % 100, 2);
        return this;
    }

    /** A date field, given as an epoch day. */
    public CopyStream date(int epochDay) {
        separate();
        buffer.append(dateText(epochDay));
        return this;
    }

    /** A timestamptz field, given as a UTC epoch second. */
    public CopyStream timestamp(long epochSecond) {
        separate();
        LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        buffer.append(dateText((int) Math.floorDiv(epochSecond, 86_400L))).append(' ');
        appendPadded(utc.getHour(), 2);
        buffer.append(':');
        appendPadded(utc.getMinute(), 2);
        buffer.append(':');
        appendPadded(utc.getSecond(), 2);
        buffer.append("+00");
        return this;
    }

    /** A timestamptz field to the microsecond (ISO 8601 in UTC, which PostgreSQL reads as written). */
    public CopyStream instant(Instant value) {
        separate();
        buffer.append(value.truncatedTo(ChronoUnit.MICROS));
        return this;
    }

    /** A SQL NULL field. */
    public CopyStream nullValue() {
        separate();
        buffer.append("\\N");
        return this;
    }

    /** Ends the row, and sends the buffer when it is full. */
    public void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        if (buffer.length() >= FLUSH_CHARS) {
            send();
        }
    }

    /** Sends what is buffered and ends the COPY. */
    @Override
    public void close() throws SQLException {
        send();
        if (statement != null) {
            statement.endCopy();
            statement = null;
        }
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void appendPadded(long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            buffer.append('0');
        }
        buffer.append(digits);
    }

    private String dateText(int epochDay) {
        if (epochDay != cachedDay) {
            cachedDay = epochDay;
            cachedDate = LocalDate.ofEpochDay(epochDay).toString();
        }
        return cachedDate;
    }

    private void send() throws SQLException {
        if (buffer.length() == 0) {
            return;
        }
        if (statement == null) {
            statement = copy.copyIn(sql);
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        statement.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }
}
