package cn.emall.platform;

import cn.emall.platform.error.ProblemMappers;
import cn.emall.platform.error.Problem;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database going away answers 503 (try again), whatever layer wraps the driver's error. Found by
 * the database restart run (DatabaseRestartIT): a sale in flight when PostgreSQL shut down got
 * "FATAL: terminating connection due to administrator command" (SQLSTATE 57P01) and answered 500.
 */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aServerShuttingDownIsUnavailableNotAnInternalError() {
        assertEquals(503, status("terminating connection due to administrator command", "57P01"));
        assertEquals(503, status("the database system is starting up", "57P03"));
        assertEquals(503, status("the database system is in recovery mode", "57P02"));
    }

    @Test
    void aBrokenConnectionIsUnavailable() {
        assertEquals(503, status("This connection has been closed.", "08003"));
        assertEquals(503, status("Connection refused", "08001"));
    }

    @Test
    void otherDatabaseErrorsAreInternalErrors() {
        assertEquals(500, status("division by zero", "22012"));
        assertEquals(500, status("canceling statement due to statement timeout", "57014"));
    }

    /**
     * Found by a later restart run: the commit's RollbackException holds the driver's 57P01 only as
     * the cause of a suppressed XAException, and answered 500.
     */
    @Test
    void aConnectionLostAtCommitIsUnavailableAndSaysTheOutcomeIsUnknown() {
        XAException xa = new XAException(XAException.XAER_RMFAIL);
        xa.initCause(new PSQLException(new ServerErrorMessage(
                "SFATAL\0C57P01\0Mterminating connection due to administrator command\0")));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(xa);

        Response response = mappers.unexpected(commit, null);

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals("urn:emall:problem:unavailable", problem.type());
        assertTrue(problem.detail().contains("无法确定") && problem.detail().contains("重新发送同一请求"), problem.detail());
    }

    @Test
    void aConnectionLostBeforeCommitSaysOnlyToTryAgain() {
        Response response = mappers.unexpected(new IllegalStateException("Recording ledger lines failed",
                new SQLException("This connection has been closed.", "08003")), null);
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("数据库暂时无法访问，请稍后重试。", ((Problem) response.getEntity()).detail());
    }

    private int status(String message, String sqlState) {
        Response response = mappers.unexpected(new IllegalStateException("Recording ledger lines failed",
                new SQLException(message, sqlState)), null);
        return response.getStatus();
    }
}
