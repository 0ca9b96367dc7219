package cn.emall.events;

import cn.emall.testsupport.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.emall.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change feed: every event once, in (transaction, position) order, never ahead of a transaction still open. */
@QuarkusTest
class EventFeedTest {

    @Inject
    AgroalDataSource dataSource;

    private String officer;

    @BeforeEach
    void logIn() {
        officer = Api.officerToken();
    }

    @Test
    void anEventWhoseTransactionCommitsLateIsNotSkipped() throws SQLException {
        String cursor = drain(null);
        String early = "early-" + UUID.randomUUID();
        String late = "late-" + UUID.randomUUID();
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            insert(open, early);
            try (Connection other = dataSource.getConnection()) {
                insert(other, late);
            }
            // The later transaction has committed; the earlier one is still open: the feed waits for it.
            List<String> whileOpen = new ArrayList<>();
            cursor = read(cursor, whileOpen);
            assertFalse(whileOpen.contains(late), "an event served ahead of a transaction still open: " + whileOpen);
            open.commit();
        }
        List<String> afterCommit = new ArrayList<>();
        read(cursor, afterCommit);
        assertTrue(afterCommit.indexOf(early) >= 0 && afterCommit.indexOf(early) < afterCommit.indexOf(late),
                "both, the early transaction's first: " + afterCommit);
        assertEquals(afterCommit.size(), afterCommit.stream().distinct().count(), "each event once");
    }

    @Test
    void anEventOfATransactionThatRollsBackIsNeverServed() throws SQLException {
        String cursor = drain(null);
        String rolledBack = "rolled-back-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insert(c, rolledBack);
            c.rollback();
        }
        String kept = "kept-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            insert(c, kept);
        }
        List<String> seen = new ArrayList<>();
        read(cursor, seen);
        assertTrue(seen.contains(kept));
        assertFalse(seen.contains(rolledBack));
    }

    @Test
    void pagesFollowTheCursorAndBadCursorsAndLimitsAreRefused() throws SQLException {
        String cursor = drain(null);
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String subject = "paged-" + i + "-" + UUID.randomUUID();
            subjects.add(subject);
            try (Connection c = dataSource.getConnection()) {
                insert(c, subject);
            }
        }
        List<String> seen = new ArrayList<>();
        String next = cursor;
        for (int page = 0; page < 10 && seen.size() < 5; page++) {
            Response response = as(officer).queryParam("after", next).queryParam("limit", 2).get("/api/v1/events");
            response.then().statusCode(200).body("next", notNullValue());
            List<String> ids = response.jsonPath().getList("items.subject.id");
            assertTrue(ids.size() <= 2);
            seen.addAll(ids);
            next = response.jsonPath().getString("next");
        }
        assertEquals(subjects, seen);
        as(officer).queryParam("after", next).get("/api/v1/events").then().statusCode(200).body("items.size()", equalTo(0))
                .body("next", equalTo(next));
        as(officer).queryParam("after", "not-a-cursor").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        as(officer).queryParam("limit", 1001).get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(Api.orderSystemToken()).get("/api/v1/events?limit=1").then().statusCode(200);
        as(Api.admittedSupplier(officer).token()).get("/api/v1/events").then().statusCode(403)
                .contentType(containsString("problem+json"));
    }

    private static void insert(Connection c, String subject) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into event (id, type, occurred_at, subject_kind, subject_id, data) "
                + "values (?, 'run.finished', now(), 'test', ?, '{}'::jsonb)")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, subject);
            s.executeUpdate();
        }
    }

    /** Reads the feed to its end; answers the last cursor. */
    private String drain(String after) {
        return read(after, new ArrayList<>());
    }

    private String read(String after, List<String> subjects) {
        String cursor = after;
        while (true) {
            var request = as(officer).queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            Response response = request.get("/api/v1/events");
            response.then().statusCode(200);
            List<String> ids = response.jsonPath().getList("items.subject.id");
            subjects.addAll(ids);
            cursor = response.jsonPath().getString("next");
            if (ids.isEmpty()) {
                return cursor;
            }
        }
    }
}
