package cn.emall.platform.db;

import jakarta.transaction.RollbackException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver's error is found wherever it hides: among causes, and among suppressed exceptions. */
class DatabaseFailuresTest {

    /** What PostgreSQL sends to its sessions on a fast shutdown, as the driver reads it. */
    static PSQLException adminShutdown() {
        return new PSQLException(new ServerErrorMessage(
                "SFATAL\0VFATAL\0C57P01\0Mterminating connection due to administrator command\0"));
    }

    /**
     * A commit whose connection dies: Narayana's RollbackException carries the XAException of the
     * connection's resource only as a suppressed exception, and the driver's error is its cause.
     */
    static RollbackException commitLostTo(SQLException driverError) {
        XAException xa = new XAException(XAException.XAER_RMFAIL);
        xa.initCause(driverError);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        return rollback;
    }

    @Test
    void aServerShutdownSuppressedInAFailedCommitIsALostConnectionAtCommit() {
        RollbackException commit = commitLostTo(adminShutdown());
        assertEquals("57P01", adminShutdown().getSQLState());
        assertTrue(DatabaseFailures.hasSqlState(commit, "57P01"::equals));
        assertTrue(DatabaseFailures.isConnectionLost(commit));
        assertTrue(DatabaseFailures.isLostAtCommit(commit));
    }

    @Test
    void aBrokenConnectionFoundOnlyThroughSuppressedExceptionsOfCausesCounts() {
        RuntimeException wrapped = new IllegalStateException("request failed",
                commitLostTo(new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
        assertTrue(DatabaseFailures.isConnectionLost(wrapped));
        assertTrue(DatabaseFailures.isLostAtCommit(wrapped));
    }

    @Test
    void aLostConnectionDuringAStatementIsNotACommit() {
        RuntimeException statement = new JDBCConnectionException("could not execute statement", adminShutdown());
        assertTrue(DatabaseFailures.isConnectionLost(statement));
        assertFalse(DatabaseFailures.isLostAtCommit(statement));
    }

    @Test
    void aCommitRefusedForAnotherReasonIsNotALostConnection() {
        RollbackException commit = commitLostTo(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertFalse(DatabaseFailures.isConnectionLost(commit));
        assertFalse(DatabaseFailures.isLostAtCommit(commit));
        assertFalse(DatabaseFailures.isConnectionLost(new RollbackException("marked for rollback only")));
    }

    @Test
    void exceptionsThatReferToEachOtherAreWalkedOnceEach() {
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner");
        outer.initCause(inner);
        inner.addSuppressed(outer);
        assertEquals(List.of(outer, inner), DatabaseFailures.graph(outer));
        assertFalse(DatabaseFailures.isConnectionLost(outer));

        SQLException down = adminShutdown();
        inner.addSuppressed(down);
        down.initCause(outer);
        assertEquals(List.of(outer, inner, down), DatabaseFailures.graph(outer));
        assertTrue(DatabaseFailures.isConnectionLost(outer));
    }
}
