package cn.emall.calendar.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The working-day calendar and the period arithmetic of the Civil Code (民法典 art. 201-203),
 * SPEC "Time" and "Working-day calendar".
 * <p>
 * A date is a working day when it is a make-up working day (调休上班), or when it is Monday to
 * Friday and no holiday range of any loaded State Council arrangement covers it. A year without an
 * arrangement is counted on the statutory holidays that the law gives ({@link StatutoryHolidays}:
 * the festivals and their compensatory days, no make-up working days), and
 * {@link Deadline#missingYears()} says so: a deadline counted through such a year is provisional
 * until the arrangement is loaded. Instances are immutable.
 */
public final class WorkingDayCalendar {

    /**
     * The last day of a period and the years without a State Council arrangement that its
     * computation passed through.
     *
     * @param date         the last day of the period; the period ends at 24:00 of this day
     * @param missingYears the years, in ascending order, between the day after the event and
     *                     {@code date} that have no arrangement and were counted on the statutory
     *                     holidays; empty when all were loaded
     */
    public record Deadline(LocalDate date, Set<Integer> missingYears) {

        /** Keeps an unmodifiable, ascending copy of the missing years. */
        public Deadline {
            missingYears = Collections.unmodifiableSortedSet(new TreeSet<>(missingYears));
        }

        /** Whether the deadline was counted through a year on the statutory fallback, and may still move. */
        public boolean provisional() {
            return !missingYears.isEmpty();
        }
    }

    private final SortedSet<Integer> years;
    private final List<HolidayRange> holidays;
    private final Set<LocalDate> makeupWorkdays;
    private final StatutoryHolidays statutory;

    /**
     * @param calendarYears the loaded State Council arrangements, at most one per year
     * @param statutory     the holidays of the years without an arrangement
     * @throws IllegalArgumentException when two entries are for the same year
     */
    public WorkingDayCalendar(Collection<CalendarYear> calendarYears, StatutoryHolidays statutory) {
        SortedSet<Integer> loadedYears = new TreeSet<>();
        List<HolidayRange> allHolidays = new ArrayList<>();
        Set<LocalDate> allMakeupWorkdays = new HashSet<>();
        for (CalendarYear calendarYear : calendarYears) {
            if (!loadedYears.add(calendarYear.year())) {
                throw new IllegalArgumentException("year " + calendarYear.year() + " is given twice");
            }
            allHolidays.addAll(calendarYear.holidays());
            allMakeupWorkdays.addAll(calendarYear.makeupWorkdays());
        }
        this.years = Collections.unmodifiableSortedSet(loadedYears);
        this.holidays = List.copyOf(allHolidays);
        this.makeupWorkdays = Set.copyOf(allMakeupWorkdays);
        this.statutory = statutory;
    }

    /**
     * Whether {@code date} is a working day: a make-up working day is one; otherwise a day
     * covered by a holiday range of a loaded arrangement is not, nor, in a year without one, a
     * statutory holiday or compensatory day; otherwise Monday to Friday are.
     *
     * @throws UnsupportedYearException when the date's year has no arrangement and is outside the
     *                                  years of the statutory holidays
     */
    public boolean isWorkingDay(LocalDate date) {
        if (makeupWorkdays.contains(date)) {
            return true;
        }
        if (covers(holidays, date)) {
            return false;
        }
        if (!hasYear(date.getYear()) && covers(statutory.year(date.getYear()).holidays(), date)) {
            return false;
        }
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY;
    }

    private static boolean covers(List<HolidayRange> ranges, LocalDate date) {
        for (HolidayRange range : ranges) {
            if (range.contains(date)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a State Council arrangement was loaded for {@code year}. */
    public boolean hasYear(int year) {
        return years.contains(year);
    }

    /**
     * Whether a period that starts with an event on {@code from} and ends on {@code deadline}
     * runs through a year without an arrangement: the same as {@link Deadline#provisional()} of
     * the computation that gave {@code deadline}, asked again later, when years may have been loaded.
     */
    public boolean isProvisional(LocalDate from, LocalDate deadline) {
        for (int year = from.plusDays(1).getYear(); year <= deadline.getYear(); year++) {
            if (!hasYear(year)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last day of a period of {@code n} working days that starts with an event on
     * {@code from}: the day of the event is not counted (Civil Code art. 201), and the period
     * ends at 24:00 of the {@code n}th working day after it (art. 203). Example from SPEC: a
     * notice received on Friday 2024-09-27 has a 3-working-day window ending on 2024-10-08.
     *
     * @param from the day of the event
     * @param n    the number of working days, at least 1
     * @return the {@code n}th working day strictly after {@code from}, with the years without
     *         an arrangement that were passed through
     * @throws IllegalArgumentException when {@code n} is less than 1
     * @throws UnsupportedYearException when the count reaches a year without an arrangement outside
     *                                  the years of the statutory holidays
     */
    public Deadline workingDaysAfter(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n: must be at least 1, got " + n);
        }
        Set<Integer> missingYears = new TreeSet<>();
        LocalDate day = from;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (!hasYear(day.getYear())) {
                missingYears.add(day.getYear());
            }
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(day, missingYears);
    }

    /**
     * The last day of a period of one year that starts with an event on {@code date}: the day
     * with the same number one year later, or the last day of the month when that month has no
     * such day, so 2024-02-29 gives 2025-02-28 (Civil Code art. 201-203, SPEC "Time"). This is
     * exactly {@link LocalDate#plusYears(long)}. No holiday extension is applied.
     */
    public static LocalDate oneYearAfter(LocalDate date) {
        return yearsAfter(date, 1);
    }

    /**
     * The last day of a period of {@code years} years that starts with an event on
     * {@code date}, with the month-end rule of {@link #oneYearAfter(LocalDate)}; this is
     * {@link LocalDate#plusYears(long)}.
     *
     * @throws IllegalArgumentException when {@code years} is negative
     */
    public static LocalDate yearsAfter(LocalDate date, int years) {
        if (years < 0) {
            throw new IllegalArgumentException("years: must not be negative, got " + years);
        }
        return date.plusYears(years);
    }

    /**
     * The last day of a period of {@code months} months that starts with an event on
     * {@code date}: the day with the same number in the final month, or that month's last day
     * when it has no such day, so 2024-01-31 plus one month gives 2024-02-29 (Civil Code
     * art. 201-203). This is {@link LocalDate#plusMonths(long)}.
     *
     * @throws IllegalArgumentException when {@code months} is negative
     */
    public static LocalDate monthsAfter(LocalDate date, int months) {
        if (months < 0) {
            throw new IllegalArgumentException("months: must not be negative, got " + months);
        }
        return date.plusMonths(months);
    }
}
