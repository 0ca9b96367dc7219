package cn.emall;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables that the SQL (or JPQL) in a Java source writes: {@code insert into t} (an
 * {@code on conflict ... do update} is part of its insert), {@code update t [alias] set},
 * {@code delete from t}, {@code merge into t}, {@code truncate t} and {@code copy t ... from}. Only
 * string literals and text blocks count, never comments or code; literals joined with {@code +} are
 * read as one text, across lines, and an expression between them ({@code "update " + table}) is read
 * as {@link #DYNAMIC}: a write whose table cannot be read from the source. Case does not matter.
 */
final class SqlWrites {

    /** The table of a write whose table name is not in the source text. */
    static final String DYNAMIC = "<expression>";

    /** Stands for an expression between two joined literals. */
    private static final char HOLE = '\u0001';

    private static final String NAME = "\"?[\\w" + HOLE + "$]+\"?";
    private static final String TABLE = "(" + NAME + "(?:\\s*\\.\\s*" + NAME + ")?)";
    private static final List<Pattern> WRITES = List.of(
            Pattern.compile("\\binsert\\s+into\\s+" + TABLE),
            Pattern.compile("\\bmerge\\s+into\\s+" + TABLE),
            Pattern.compile("\\bdelete\\s+from\\s+" + TABLE),
            Pattern.compile("(?<!\\bdo\\s)\\bupdate\\s+(?:only\\s+)?" + TABLE + "(?:\\s+(?:as\\s+)?(?!set\\b)\\w+)?\\s+set\\b"),
            Pattern.compile("\\btruncate\\s+(?:table\\s+)?(?:only\\s+)?" + TABLE),
            Pattern.compile("\\bcopy\\s+" + TABLE + "\\s*(?:\\([^)]*\\)\\s*)?from\\b"));

    /** One write: the table as written (lower case, without schema or quotes) and the line of its text. */
    record Write(String table, int line) {
    }

    private SqlWrites() {
    }

    /** Every write in the source, in order. */
    static List<Write> in(String source) {
        List<Write> writes = new ArrayList<>();
        for (Text text : texts(source)) {
            String sql = text.value().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Pattern write : WRITES) {
                Matcher matcher = write.matcher(sql);
                while (matcher.find()) {
                    writes.add(new Write(tableOf(matcher.group(1)), text.line()));
                }
            }
        }
        writes.sort(Comparator.comparingInt(Write::line));
        return writes;
    }

    private static String tableOf(String written) {
        if (written.indexOf(HOLE) >= 0) {
            return DYNAMIC;
        }
        String name = written.contains(".") ? written.substring(written.lastIndexOf('.') + 1) : written;
        return name.replace("\"", "").strip();
    }

    /** A text built from literals joined with {@code +}, and the line where it starts. */
    private record Text(String value, int line) {
    }

    /** The source's string literals and text blocks, those joined with {@code +} as one text each. */
    private static List<Text> texts(String source) {
        List<Text> texts = new ArrayList<>();
        StringBuilder current = null;
        int currentLine = 0;
        StringBuilder between = new StringBuilder();
        int line = 1;
        int at = 0;
        int length = source.length();
        while (at < length) {
            char next = source.charAt(at);
            if (source.startsWith("//", at)) {
                while (at < length && source.charAt(at) != '\n') {
                    at++;
                }
            } else if (source.startsWith("/*", at)) {
                int close = source.indexOf("*/", at + 2);
                close = close < 0 ? length : close + 2;
                line += newlines(source, at, close);
                at = close;
            } else if (next == '\'') {
                int close = at + 1;
                while (close < length && source.charAt(close) != '\'') {
                    close += source.charAt(close) == '\\' ? 2 : 1;
                }
                between.append("'?'"); // a character literal is code between two texts
                at = close + 1;
            } else if (next == '"') {
                String quote = source.startsWith("\"\"\"", at) ? "\"\"\"" : "\"";
                int start = at + quote.length();
                int close = start;
                while (close < length && !source.startsWith(quote, close)) {
                    close += source.charAt(close) == '\\' ? 2 : 1;
                }
                String literal = unescape(source.substring(start, Math.min(close, length)));
                String joint = between.toString().strip();
                if (current != null && joint.startsWith("+") && joint.endsWith("+")) {
                    if (!joint.equals("+")) {
                        current.append(HOLE);
                    }
                    current.append(literal);
                } else {
                    if (current != null) {
                        texts.add(new Text(current.toString(), currentLine));
                    }
                    current = new StringBuilder(literal);
                    currentLine = line;
                }
                between.setLength(0);
                int after = Math.min(close + quote.length(), length);
                line += newlines(source, at, after);
                at = after;
            } else {
                if (next == '\n') {
                    line++;
                }
                between.append(next);
                at++;
            }
        }
        if (current != null) {
            texts.add(new Text(current.toString(), currentLine));
        }
        return texts;
    }

    /** The literal's text, its escapes that stand for white space read as a space. */
    private static String unescape(String literal) {
        StringBuilder text = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char next = literal.charAt(i);
            if (next == '\\' && i + 1 < literal.length()) {
                char escaped = literal.charAt(++i);
                text.append(switch (escaped) {
                    case 'n', 't', 'r', 's', 'f', '\n' -> ' ';
                    default -> escaped;
                });
            } else {
                text.append(next);
            }
        }
        return text.toString();
    }

    private static int newlines(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
