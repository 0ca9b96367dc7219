package cn.emall.testsupport;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Real cleanup runs go forward in date order, and the stories of the tests are told in 2021-2025 with
 * the holiday arrangements of those years, whatever ran before them: a test that runs real nights starts
 * with no real run on record. The earlier runs are forgotten (their actions deleted, the notices and
 * credit entries they made kept but no longer linked to them); their suppliers stay, and each test
 * asserts only about its own.
 */
public final class RealRuns {

    private RealRuns() {
    }

    public static void forgetAll(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            String realRuns = "(select id from cleanup_run where not dry_run)";
            statement.executeUpdate("update notice set run_id = null where run_id in " + realRuns);
            // credit entries are append-only for the service; this reset alone unlinks them
            statement.execute("set session_replication_role = replica");
            statement.executeUpdate("update credit_entry set run_id = null where run_id in " + realRuns);
            statement.execute("reset session_replication_role");
            statement.executeUpdate("delete from cleanup_action where run_id in " + realRuns);
            statement.executeUpdate("delete from cleanup_run where not dry_run");
        }
    }
}
