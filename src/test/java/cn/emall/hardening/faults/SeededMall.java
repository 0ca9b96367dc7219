package cn.emall.hardening.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A template database holding an e-mall that gives a real nightly run work in every step but the
 * suspensions: the deterministic demo data (suppliers with no sales for two years, listings with no
 * volume for twelve months) and processing notices that will be overdue by the night of the run.
 * Made once by one packaged instance, then copied for every trial with {@code CREATE DATABASE ... TEMPLATE}.
 */
final class SeededMall {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The business date the demo data was laid out around: the day it was generated. */
    final LocalDate today;
    final String template;

    private SeededMall(LocalDate today, String template) {
        this.today = today;
        this.template = template;
    }

    static SeededMall create(SharedPostgres postgres, String template, int suppliers, long ledgerLines, int processingNotices)
            throws SQLException {
        postgres.createDatabase(template, null);
        LocalDate today;
        try (PackagedService seed = PackagedService.start(template + "-seed", postgres.jdbcUrl(template), Map.of(
                "emall.demo-data.enabled", "true",
                "emall.demo-data.suppliers", Integer.toString(suppliers),
                "emall.demo-data.ledger-lines", Long.toString(ledgerLines)))) {
            String officer = seed.officerToken();
            today = OffsetDateTime.parse(seed.as(officer).get("/api/v1/sandbox/clock").then().statusCode(200)
                    .extract().<String>path("now")).atZoneSameInstant(ZONE).toLocalDate();
            for (long supplier : activeSuppliers(postgres, template, processingNotices)) {
                seed.as(officer).body(Map.of("supplierId", supplier, "subject", "价格核查",
                                "body", "请于期限内说明定价依据", "workingDays", 3))
                        .post("/api/v1/notices").then().statusCode(201);
            }
        }
        return new SeededMall(today, template);
    }

    /** The night the trials run: two weeks on, when the processing notices are overdue. */
    LocalDate night() {
        return today.plusDays(14);
    }

    /** 02:00 on that night, Asia/Shanghai. */
    OffsetDateTime nightClock() {
        return night().atTime(2, 0).atZone(ZONE).toOffsetDateTime();
    }

    private static List<Long> activeSuppliers(SharedPostgres postgres, String database, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from supplier where status = 'ACTIVE' order by id desc limit " + limit)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
