package cn.emall.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business clock: the real clock, optionally shifted by the sandbox so that it reads a chosen
 * instant and runs on from there. Security never uses it (tokens and lock-outs keep real time).
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** From now on the clock reads {@code now} and runs on from it. */
    public void moveTo(Instant now) {
        offset.set(Duration.between(base.instant(), now));
    }

    /** Back to the real clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    public boolean isMoved() {
        return !offset.get().isZero();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
