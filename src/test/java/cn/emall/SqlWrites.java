package cn.emall;

import java.util.ArrayList;
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
        writes.sort((a, b) -> Integer.compare(a.line(), b.line()));
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
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != '\'') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                between.append("'c'");
                i = end + 1;
            } else if (c == '"') {
                boolean block = source.startsWith("\"\"\"", i);
                int start = block ? i + 3 : i + 1;
                int end = start;
                while (end < n && !(block ? source.startsWith("\"\"\"", end) : source.charAt(end) == '"')) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                String literal = unescape(source.substring(start, Math.min(end, n)));
                String joint = between.toString().strip();
                if (current != null && joint.startsWith("+") && (joint.equals("+") || joint.endsWith("+"))) {
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
                line += count(source, i, Math.min(end + (block ? 3 : 1), n));
                i = end + (block ? 3 : 1);
            } else {
                if (c == '\n') {
                    line++;
                }
                between.append(c);
                i++;
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
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                char escaped = literal.charAt(++i);
                text.append(switch (escaped) {
                    case 'n', 't', 'r', 's', 'f', '\n' -> ' ';
                    default -> escaped;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
