package cn.emall.platform.imports;

import cn.emall.platform.error.ProblemException;
import cn.emall.text.Msg;
import cn.emall.text.Text;

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

    private final List<LineProblem> listed = new ArrayList<>();
    private final BitSet refusedLines = new BitSet();
    private int count;

    public void add(LineProblem error) {
        count++;
        refusedLines.set(error.line());
        if (listed.size() < MAX_LISTED) {
            listed.add(error);
        }
    }

    public void addAll(Collection<LineProblem> errors) {
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

    public List<LineProblem> listed() {
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
        Text detail = count > listed.size()
                ? Msg.IMPORT_REJECTED_FIRST_LISTED.with(refusedLines(), linesRead, listed.size(), count)
                : Msg.IMPORT_REJECTED_ALL_LISTED.with(refusedLines(), linesRead);
        return new ProblemException(400, "import-rejected", Msg.IMPORT_REJECTED_TITLE, detail)
                .with("lines", listed())
                .with("rejectedLines", refusedLines())
                .with("errorCount", count);
    }
}
