package cn.emall.platform;

import cn.emall.platform.error.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private int status(String message, String sqlState) {
        Response response = mappers.unexpected(new IllegalStateException("Recording ledger lines failed",
                new SQLException(message, sqlState)), null);
        return response.getStatus();
    }
}
