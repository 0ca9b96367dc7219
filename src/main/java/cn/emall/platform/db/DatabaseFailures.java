package cn.emall.platform.db;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import org.hibernate.exception.JDBCConnectionException;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a failed database call says about itself. The driver's error may sit deep in what reaches
 * the caller: as a cause, or only as a suppressed exception, as when a commit fails
 * (Narayana's {@code RollbackException} carries the {@code XAException}, whose cause is the
 * driver's, as a suppressed exception). Every question here looks at the whole graph.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * {@code e}, its causes and its suppressed exceptions, and theirs, each once (a cause may refer
     * back to an exception already seen), in the order met: breadth first from {@code e}.
     */
    public static List<Throwable> graph(Throwable e) {
        List<Throwable> seen = new ArrayList<>();
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (e != null) {
            next.add(e);
        }
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (!visited.add(t)) {
                continue;
            }
            seen.add(t);
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            Collections.addAll(next, t.getSuppressed());
        }
        return seen;
    }

    /** Whether an SQLException with a matching SQLSTATE is anywhere in the graph of {@code e}. */
    public static boolean hasSqlState(Throwable e, Predicate<String> state) {
        return graph(e).stream().anyMatch(t -> t instanceof SQLException sql && sql.getSQLState() != null
                && state.test(sql.getSQLState()));
    }

    /**
     * Whether the database went away: the connection failed or broke (SQLSTATE class 08, or
     * Hibernate's {@link JDBCConnectionException}), or the server is shutting down, crashed or not
     * yet accepting connections (57P01 to 57P05, a restart). The same request may succeed shortly.
     */
    public static boolean isConnectionLost(Throwable e) {
        return graph(e).stream().anyMatch(t -> t instanceof JDBCConnectionException)
                || hasSqlState(e, state -> state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * Whether the connection was lost while the transaction was committing: the service cannot know
     * whether the database stored the change before it went away.
     */
    public static boolean isLostAtCommit(Throwable e) {
        return isConnectionLost(e) && graph(e).stream().anyMatch(t -> t instanceof RollbackException
                || t instanceof HeuristicMixedException || t instanceof HeuristicRollbackException
                || t instanceof XAException);
    }
}
