package cn.emall.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The business dates the demo data is laid out around, as epoch days of Asia/Shanghai dates,
 * and the instants of office hours on them. Suppliers are admitted over the five years before
 * "as of", the ledger covers the three years before it, and the nightly rules look back two
 * years (suppliers) and twelve months (listings) from it.
 */
final class DemoTimeline {

    /** The zone of every business date. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final int OFFICE_OPENS = 8 * 3600 + 30 * 60;
    private static final int OFFICE_HOURS = 9 * 3600;
    private static final double[] MONTH_FACTOR = {0.8, 0.55, 0.9, 1.0, 1.0, 1.1, 0.95, 0.9, 1.05, 0.85, 1.2, 1.6};
    private static final double YEARLY_GROWTH = 0.3;

    private final LocalDate asOf;

    DemoTimeline(LocalDate asOf) {
        this.asOf = asOf;
    }

    LocalDate asOf() {
        return asOf;
    }

    /** The run date itself: nothing happens on or after it. */
    int asOfDay() {
        return (int) asOf.toEpochDay();
    }

    /** The first day on which suppliers were admitted: the e-mall's launch. */
    int launchDay() {
        return (int) asOf.minusYears(5).toEpochDay();
    }

    /** The first day of the ledger. */
    int ledgerStart() {
        return (int) asOf.minusYears(3).toEpochDay();
    }

    /** The first day of the zero-sales window of suppliers (SPEC step 2). */
    int supplierWindowStart() {
        return (int) asOf.minusYears(2).toEpochDay();
    }

    /** The first day of the zero-volume window of listings (SPEC step 3). */
    int listingWindowStart() {
        return (int) asOf.minusMonths(12).toEpochDay();
    }

    /** The UTC epoch second at which the business day starts. */
    static long startOf(int day) {
        return LocalDate.ofEpochDay(day).atStartOfDay(ZONE).toEpochSecond();
    }

    /** A random instant (UTC epoch second) in the office hours of the business day. */
    static long officeHours(int day, SplittableRandom random) {
        return startOf(day) + OFFICE_OPENS + random.nextInt(OFFICE_HOURS);
    }

    /**
     * How busy the e-mall is on a day, relative to an ordinary weekday of the ledger's first
     * year: little at weekends, a dip at the Spring Festival, the year-end budget rush, and
     * growth as more units buy online.
     */
    double activity(int day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        DayOfWeek weekday = date.getDayOfWeek();
        double week = weekday == DayOfWeek.SATURDAY ? 0.12 : weekday == DayOfWeek.SUNDAY ? 0.08 : 1.0;
        double growth = 1 + YEARLY_GROWTH * (day - ledgerStart()) / 365.0;
        return week * MONTH_FACTOR[date.getMonthValue() - 1] * growth;
    }
}
