package cn.emall.platform.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before each further attempt at a delivery (e-mail, webhook), written in
 * configuration as a comma-separated list such as {@code 5s,5m,30m,2h,5h,10h,10h}: the first
 * value is the wait after the first failed attempt, and so on. When the list is spent, the
 * delivery has failed for good.
 */
public final class RetrySchedule {

    private final List<Duration> delays;

    private RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /**
     * Reads a schedule such as {@code 5s,5m,30m,2h}: each value a whole number followed by
     * {@code s}, {@code m}, {@code h} or {@code d}.
     *
     * @throws IllegalArgumentException naming the value that is not a duration
     */
    public static RetrySchedule parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",")) {
            String value = part.trim().toLowerCase(Locale.ROOT);
            if (!value.matches("[0-9]{1,6}[smhd]")) {
                throw new IllegalArgumentException("not a delay (a whole number and s, m, h or d): '" + part.trim() + "'");
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            delays.add(switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return new RetrySchedule(delays);
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} attempts have failed, or empty
     * when the schedule is spent and the delivery has failed for good.
     */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(delays.get(failedAttempts - 1));
    }

    /**
     * {@link #delayAfter} with up to a tenth added at random, so that receivers that failed together
     * are not all tried again in the same second.
     */
    public Optional<Duration> jitteredDelayAfter(int failedAttempts) {
        return delayAfter(failedAttempts).map(delay -> {
            long millis = delay.toMillis();
            return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 10 + 1));
        });
    }

    /** The time the whole schedule spans, from the first failure to giving up. */
    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public int attempts() {
        return delays.size() + 1;
    }

    @Override
    public String toString() {
        return delays.toString();
    }
}
