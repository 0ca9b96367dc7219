package cn.emall.events;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events' ids are version 7 UUIDs: they carry their millisecond and sort by it. */
class TimeOrderedIdTest {

    @Test
    void anIdIsAVersionSevenUuidOfItsMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = Outbox.timeOrderedId();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, "the id carries the time it was made");
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterAndNoneRepeats() {
        UUID first = Outbox.timeOrderedId();
        long made = System.currentTimeMillis();
        while (System.currentTimeMillis() == made) {
            Thread.onSpinWait();
        }
        UUID later = Outbox.timeOrderedId();
        assertTrue(first.toString().compareTo(later.toString()) < 0, first + " sorts before " + later);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(seen.add(Outbox.timeOrderedId()), "no id repeats");
        }
    }
}
