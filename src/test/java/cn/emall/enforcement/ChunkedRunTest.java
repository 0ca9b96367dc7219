package cn.emall.enforcement;

import cn.emall.demo.DemoDataGenerator;
import cn.emall.demo.DemoDataSpec;
import cn.emall.enforcement.run.CleanupRunner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A night worked in many small chunks by three workers at once: the real run does exactly what the
 * dry run said, once per subject, with nothing failed. (The other tests' nights fit in one chunk.)
 */
@QuarkusTest
@TestProfile(ChunkedRunTest.SmallChunks.class)
class ChunkedRunTest {

    public static class SmallChunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emall.cleanup.chunk-size", "3", "emall.cleanup.workers", "3", "emall.cleanup.cron", "off");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CleanupRunner runner;

    @Inject
    Clock clock;

    @Test
    void realRunInParallelChunksActsOnceOnEverySubjectTheDryRunFound() throws SQLException {
        LocalDate asOf = LocalDate.now(clock);
        try (Connection c = dataSource.getConnection()) {
            new DemoDataGenerator().generate(c, new DemoDataSpec(DemoDataSpec.DEFAULT_SEED, 80, 5, 8_000, asOf));
        }
        long dry = runner.run(asOf, true, CleanupRunner.Trigger.MANUAL, "test");
        long real = runner.run(asOf, false, CleanupRunner.Trigger.MANUAL, "test");

        String subjects = "select rule || ':' || supplier_id || ':' || coalesce(product_id, 0) from cleanup_action "
                + "where run_id = ? order by 1";
        List<String> found = strings(subjects, dry);
        assertTrue(strings("select rule from cleanup_action where run_id = ? and rule = 'ZERO_VOLUME_PRODUCT'", dry).size() > 9,
                "the night has listings to take down in more chunks than workers");
        assertEquals(found, strings(subjects, real), "the real run acted on exactly what the dry run found, each once");
        assertEquals(List.of("[]"), strings("select failures::text from cleanup_run where id = ?", real));
        assertEquals(strings("select product_id::text from cleanup_action where run_id = ? and rule = 'ZERO_VOLUME_PRODUCT' "
                        + "order by 1", real),
                strings("select id::text from product where status = 'TAKEN_DOWN' and taken_down_on = (select as_of from cleanup_run "
                        + "where id = ?) order by 1", real), "exactly the listings in the report were taken down");
        assertEquals(strings("select notice_id::text from cleanup_action where run_id = ? and notice_id is not null order by 1", real),
                strings("select id::text from notice where run_id = ? order by 1", real),
                "every notice the run issued is in its report, and each action's notice is one of them");
        assertEquals(strings("select product_id::text from cleanup_action where run_id = ? and rule = 'ZERO_VOLUME_PRODUCT' "
                        + "order by 1", real),
                strings("select product_id::text from notice where run_id = ? and kind = 'RECTIFICATION' order by 1", real),
                "one rectification notice per listing taken down");
    }

    private List<String> strings(String sql, long runId) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }
}
