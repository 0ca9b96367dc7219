package cn.emall.calendar.model;

import java.time.LocalDate;

/**
 * The Chinese lunisolar calendar (农历) and the 清明 solar term, as published for China: dates in
 * Beijing time (UTC+8), as the 紫金山天文台 and 香港天文台 almanacs give them. A small seam in front
 * of a library, so that the statutory holidays ({@link StatutoryHolidays}) read as the law does and
 * the source can be checked, or replaced, on its own.
 */
public interface LunarCalendarSource {

    /** The first Gregorian year this source answers for. */
    int firstYear();

    /** The last Gregorian year this source answers for. */
    int lastYear();

    /**
     * A day of a lunar month in the lunar year that begins (正月初一) in Gregorian year {@code year}.
     *
     * @param month the lunar month, 1 to 12, never a leap month (闰月): the festivals fall in the ordinary month
     * @param day   the day of the lunar month, 1 to 30
     * @throws UnsupportedYearException when {@code year} is outside {@link #firstYear()}..{@link #lastYear()}
     * @throws IllegalArgumentException when that month has no such day
     */
    LocalDate lunarDate(int year, int month, int day);

    /**
     * The day on which the 清明 solar term (the sun at 15° ecliptic longitude) falls, in Beijing time.
     *
     * @throws UnsupportedYearException when {@code year} is outside {@link #firstYear()}..{@link #lastYear()}
     */
    LocalDate qingming(int year);
}
