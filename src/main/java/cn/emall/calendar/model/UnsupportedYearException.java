package cn.emall.calendar.model;

import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import cn.emall.text.Text;

/**
 * A computation needed a year that the working-day calendar cannot compute: no State Council
 * arrangement is loaded for it, and it lies outside the years of the statutory fallback
 * ({@link StatutoryHolidays#firstYear()}..{@link StatutoryHolidays#lastYear()}). Callers answer it
 * as bad input rather than guess.
 */
public class UnsupportedYearException extends IllegalArgumentException {

    private final int year;
    private final Text text;

    public UnsupportedYearException(int year, int firstYear, int lastYear) {
        this(year, Msg.YEAR_OUTSIDE_THE_CALENDAR.with(year, firstYear, lastYear));
    }

    private UnsupportedYearException(int year, Text text) {
        super(text.in(Catalogue.ENGLISH));
        this.year = year;
        this.text = text;
    }

    /** What is wrong, to be worded in the reader's language. */
    public Text text() {
        return text;
    }

    /** The year that was asked for. */
    public int year() {
        return year;
    }
}
