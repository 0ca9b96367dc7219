package cn.emall.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import cn.emall.platform.time.RealTime;

/**
 * The {@code total} of listing searches. An exact count of a large result (a whole category at
 * province scale is 150,000 listings) costs more than the page itself, and search is the busiest
 * request; so a count above {@value #LARGE} is reused for {@link #TTL} (per instance) while small
 * counts are always exact. A large total may therefore lag the listings by a few seconds.
 */
@ApplicationScoped
public class ListingCounts {

    static final long LARGE = 1_000;
    static final Duration TTL = Duration.ofSeconds(10);
    /** So that many different searches cannot grow the memory without bound. */
    static final int MAX_ENTRIES = 1_000;

    private record Counted(long total, Instant at) {
    }

    private final Map<ProductRepository.Search, Counted> large = new ConcurrentHashMap<>();
    private final Clock clock;

    public ListingCounts(@RealTime Clock clock) {
        this.clock = clock;
    }

    public long total(ProductRepository.Search search, LongSupplier count) {
        Instant now = clock.instant();
        Counted cached = large.get(search);
        if (cached != null && cached.at().plus(TTL).isAfter(now)) {
            return cached.total();
        }
        long total = count.getAsLong();
        if (total > LARGE) {
            if (large.size() >= MAX_ENTRIES) {
                large.clear();
            }
            large.put(search, new Counted(total, now));
        } else {
            large.remove(search);
        }
        return total;
    }
}
