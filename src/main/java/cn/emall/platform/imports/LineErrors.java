package cn.emall.platform.imports;

import cn.emall.platform.error.ProblemException;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * The refused lines of one import. Every problem is counted; the first {@value #MAX_LISTED} are
 * kept for the answer, so that a file that is wrong throughout cannot fill the memory.
 */
public final class LineErrors {

    /** The most problems an answer lists. */
    public static final int MAX_LISTED = 1000;

    private final List<LineError> listed = new ArrayList<>();
    private final BitSet refusedLines = new BitSet();
    private int count;

    public void add(LineError error) {
        count++;
        refusedLines.set(error.line());
        if (listed.size() < MAX_LISTED) {
            listed.add(error);
        }
    }

    public void addAll(Collection<LineError> errors) {
        errors.forEach(this::add);
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** How many lines were refused. */
    public int refusedLines() {
        return refusedLines.cardinality();
    }

    /** Every problem found, also those left out of {@link #listed()}. */
    public int count() {
        return count;
    }

    public List<LineError> listed() {
        return List.copyOf(listed);
    }

    /**
     * The answer to an import with refused lines (400 {@code import-rejected}): nothing of the
     * import is stored. Its {@code lines} list each problem as {@code {line, field, message}},
     * {@code rejectedLines} counts the lines refused and {@code errorCount} the problems found.
     *
     * @param linesRead how many lines of the file were read
     */
    public ProblemException rejection(int linesRead) {
        String listing = count > listed.size()
                ? " The first " + listed.size() + " of " + count + " problems are listed in lines."
                : " Every problem is listed in lines.";
        return new ProblemException(400, "import-rejected", "Import rejected",
                refusedLines() + " of " + linesRead + " line(s) were refused, so nothing was imported; "
                        + "correct them and send the whole file again." + listing)
                .with("lines", listed())
                .with("rejectedLines", refusedLines())
                .with("errorCount", count);
    }
}
