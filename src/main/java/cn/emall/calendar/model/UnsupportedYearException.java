package cn.emall.calendar.model;

/**
 * A computation needed a year that the working-day calendar cannot compute: no State Council
 * arrangement is loaded for it, and it lies outside the years of the statutory fallback
 * ({@link StatutoryHolidays#firstYear()}..{@link StatutoryHolidays#lastYear()}). Callers answer it
 * as bad input rather than guess.
 */
public class UnsupportedYearException extends IllegalArgumentException {

    private final int year;

    public UnsupportedYearException(int year, int firstYear, int lastYear) {
        super(year + " is outside the years the working-day calendar can compute (" + firstYear + " to " + lastYear + ")");
        this.year = year;
    }

    /** The year that was asked for. */
    public int year() {
        return year;
    }
}
