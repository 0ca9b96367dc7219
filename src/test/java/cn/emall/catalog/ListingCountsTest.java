package cn.emall.catalog;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Large listing totals: reused while fresh, refreshed in the background while stale, counted again when old. */
class ListingCountsTest {

    private static final ProductRepository.Search CATEGORY = new ProductRepository.Search(null, ProductStatus.LISTED, "DESKTOP", null);

    private final Instant start = Instant.parse("2026-11-22T02:00:00Z");
    private final AtomicLong offsetMillis = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusMillis(offsetMillis.get());
        }
    };
    private final ListingCounts counts = new ListingCounts(clock);
    private final AtomicInteger counted = new AtomicInteger();
    private final AtomicLong listings = new AtomicLong(20_000);

    private long total() {
        return counts.total(CATEGORY, () -> {
            counted.incrementAndGet();
            return listings.get();
        });
    }

    private void after(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
    }

    @Test
    void aFreshLargeTotalIsReusedWithoutCounting() {
        assertEquals(20_000, total());
        listings.set(20_500);
        after(Duration.ofSeconds(9));
        assertEquals(20_000, total());
        assertEquals(1, counted.get());
    }

    @Test
    void aStaleLargeTotalIsAnsweredAtOnceAndRefreshedInTheBackground() {
        total();
        listings.set(20_500);
        after(Duration.ofSeconds(11));
        assertEquals(20_000, total(), "the stale total, without waiting");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (counts.refreshing(CATEGORY) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(2, counted.get(), "one background count");
        assertEquals(20_500, total(), "the refreshed total");
        assertEquals(2, counted.get());
    }

    @Test
    void anOldLargeTotalIsCountedAgainBeforeAnswering() {
        total();
        listings.set(21_000);
        after(Duration.ofMinutes(2));
        assertEquals(21_000, total());
        assertEquals(2, counted.get());
    }

    @Test
    void smallTotalsAreAlwaysExact() {
        listings.set(999);
        assertEquals(999, total());
        listings.set(998);
        assertEquals(998, total());
        assertEquals(2, counted.get());
    }
}
