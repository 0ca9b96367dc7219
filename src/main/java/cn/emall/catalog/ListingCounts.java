package cn.emall.catalog;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

import cn.emall.platform.time.RealTime;

/**
 * The {@code total} of listing searches. An exact count of a large result (a whole category at
 * province scale is 20,000 listings, 140 ms to count) costs more than the page itself, and search is
 * the busiest request; so a count above {@value #LARGE} is kept per instance. Up to {@link #FRESH} old
 * it is answered as it is; older, up to {@link #STALE}, it is still answered at once while one
 * background count refreshes it, so that no search waits for a recount; older still (a search
 * nobody made for a while) it is counted again before answering. Small counts are always exact. A
 * large total may therefore lag the listings by some seconds.
 */
@ApplicationScoped
public class ListingCounts {

    static final long LARGE = 1_000;
    static final Duration FRESH = Duration.ofSeconds(10);
    static final Duration STALE = Duration.ofSeconds(60);
    /** So that many different searches cannot grow the memory without bound. */
    static final int MAX_ENTRIES = 1_000;

    private static final Logger LOG = Logger.getLogger(ListingCounts.class);

    private record Counted(long total, Instant at) {
    }

    private final Map<ProductRepository.Search, Counted> large = new ConcurrentHashMap<>();
    private final Set<ProductRepository.Search> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "listing-count-refresher");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    public ListingCounts(@RealTime Clock clock) {
        this.clock = clock;
    }

    public long total(ProductRepository.Search search, LongSupplier count) {
        Instant now = clock.instant();
        Counted cached = large.get(search);
        if (cached != null && cached.at().plus(FRESH).isAfter(now)) {
            return cached.total();
        }
        if (cached != null && cached.at().plus(STALE).isAfter(now)) {
            if (refreshing.add(search)) {
                refresher.execute(() -> refresh(search, count));
            }
            return cached.total();
        }
        return store(search, count.getAsLong(), now);
    }

    private void refresh(ProductRepository.Search search, LongSupplier count) {
        try {
            store(search, count.getAsLong(), clock.instant());
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh a listing total (the old one stays until it is too old): %s", e.getMessage());
        } finally {
            refreshing.remove(search);
        }
    }

    /** Whether a background count of this search is queued or running. */
    boolean refreshing(ProductRepository.Search search) {
        return refreshing.contains(search);
    }

    private long store(ProductRepository.Search search, long total, Instant at) {
        if (total > LARGE) {
            if (large.size() >= MAX_ENTRIES) {
                large.clear();
            }
            large.put(search, new Counted(total, at));
        } else {
            large.remove(search);
        }
        return total;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
