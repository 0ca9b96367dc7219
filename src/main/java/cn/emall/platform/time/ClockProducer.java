package cn.emall.platform.time;

import cn.emall.platform.PlatformConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Produces the one business {@link Clock}, in the business zone (Asia/Shanghai). */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @Typed(MovableClock.class)
    MovableClock businessClock(PlatformConfig config) {
        return new MovableClock(Clock.system(config.zone()));
    }

    @Produces
    @Singleton
    Clock clock(MovableClock clock) {
        return clock;
    }

    @Produces
    @Singleton
    @RealTime
    Clock realClock() {
        return Clock.systemUTC();
    }
}
