package cn.emall.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A channel following the outbox: from the end of the feed, in feed order, each event handed out once. */
@QuarkusTest
class EventConsumersTest {

    @Inject
    EventConsumers consumers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNewConsumerStartsAtTheEndOfTheFeedAndThenTakesEachEventOnceInOrder() throws SQLException {
        String consumer = "test-" + UUID.randomUUID().toString().substring(0, 8);
        insert("before-" + consumer);
        assertEquals(List.of(), drain(consumer), "a new consumer does not replay the events already kept");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(consumer + "-" + i);
            insert(consumer + "-" + i);
        }
        List<String> taken = new ArrayList<>();
        while (consumers.advance(consumer, 2, events -> taken.addAll(subjects(events, consumer))) > 0) {
            assertTrue(taken.size() <= written.size());
        }
        assertEquals(written, taken);
        assertEquals(List.of(), drain(consumer));
    }

    @Test
    void aHandlerThatFailsKeepsNothingAndTheSameEventsComeAgain() throws SQLException {
        String consumer = "test-" + UUID.randomUUID().toString().substring(0, 8);
        drain(consumer);
        insert(consumer + "-a");
        insert(consumer + "-b");
        assertThrows(IllegalStateException.class, () -> consumers.advance(consumer, 10, events -> {
            throw new IllegalStateException("the channel's table is full");
        }));
        assertEquals(List.of(consumer + "-a", consumer + "-b"), drain(consumer));
    }

    @Test
    void whileOneTransactionHoldsTheConsumerAnotherTakesNothingAndDoesNotWait() throws SQLException {
        String consumer = "test-" + UUID.randomUUID().toString().substring(0, 8);
        drain(consumer);
        insert(consumer + "-held");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from event_consumer where name = ? for update")) {
                lock.setString(1, consumer);
                lock.executeQuery().close();
            }
            List<String> taken = new ArrayList<>();
            long started = System.nanoTime();
            assertEquals(0, consumers.advance(consumer, 10, events -> taken.addAll(subjects(events, consumer))));
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "it did not wait for the lock");
            assertEquals(List.of(), taken);
            holder.rollback();
        }
        assertEquals(List.of(consumer + "-held"), drain(consumer));
    }

    @Test
    void consumersAdvancedFromManyThreadsAtOnceHandOutEveryEventExactlyOnce() throws Exception {
        String consumer = "test-" + UUID.randomUUID().toString().substring(0, 8);
        drain(consumer);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            written.add(consumer + "-" + i);
        }
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> followers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                followers.add(threads.submit(() -> {
                    for (int round = 0; round < 400 && taken.size() < written.size(); round++) {
                        consumers.advance(consumer, 7, events -> taken.addAll(subjects(events, consumer)));
                    }
                    return null;
                }));
            }
            for (String subject : written) {
                insert(subject);
            }
            for (Future<?> follower : followers) {
                follower.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        taken.addAll(drain(consumer));
        assertEquals(written, taken, "every event once, in the order written");
    }

    private List<String> drain(String consumer) {
        List<String> taken = new ArrayList<>();
        while (consumers.advance(consumer, 1000, events -> taken.addAll(subjects(events, consumer))) > 0) {
            assertTrue(taken.size() < 1_000_000);
        }
        return taken;
    }

    /** The subjects of this test's events (nothing else should write events meanwhile, but the test need not rely on it). */
    private static List<String> subjects(List<EventFeed.Stored> events, String consumer) {
        return events.stream().map(event -> event.view().subject().id()).filter(id -> id.contains(consumer)).toList();
    }

    private void insert(String subject) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into event (id, type, occurred_at, subject_kind, subject_id, data) "
                     + "values (?, 'run.finished', now(), 'test', ?, '{}'::jsonb)")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, subject);
            s.executeUpdate();
        }
    }
}
