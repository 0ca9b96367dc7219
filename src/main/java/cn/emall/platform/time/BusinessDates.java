package cn.emall.platform.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** "Today" and conversions between instants and business dates, all from the injected clock. */
@ApplicationScoped
public class BusinessDates {

    private final Clock clock;

    public BusinessDates(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    public OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone()).toOffsetDateTime();
    }

    /** The first instant of the business date. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone()).toInstant();
    }
}
