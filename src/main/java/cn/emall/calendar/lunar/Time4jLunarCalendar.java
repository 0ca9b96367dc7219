package cn.emall.calendar.lunar;

import cn.emall.calendar.model.LunarCalendarSource;
import cn.emall.calendar.model.UnsupportedYearException;
import net.time4j.PlainDate;
import net.time4j.calendar.ChineseCalendar;
import net.time4j.calendar.EastAsianMonth;
import net.time4j.calendar.EastAsianYear;

import java.time.LocalDate;

/**
 * The lunar calendar and the 清明 term from Time4J's {@link ChineseCalendar}, which computes new
 * moons and solar terms astronomically for the meridian of Beijing time (UTC+8) and places the leap
 * month of 2033 as the almanacs do (闰十一月). Chosen over ICU4J 79.1's {@code ChineseCalendar},
 * which puts 春节 2027 on 7 February and 春节 2030 on 2 February, a day off the almanac each time
 * (the new moons of 6 February 2027, 23:56, and 3 February 2030, 00:07 Beijing time, sit next to
 * midnight), and which offers no solar terms outside its internal classes.
 * {@code StatutoryHolidaysTest} checks the dates against the almanac.
 */
public final class Time4jLunarCalendar implements LunarCalendarSource {

    /** The first Gregorian year whose whole lunar year Time4J covers (its range starts on 1645-01-28). */
    private static final int FIRST_YEAR = 1646;
    /** The last Gregorian year whose 正月初一 Time4J covers (its range ends on 3000-01-27). */
    private static final int LAST_YEAR = 2999;

    @Override
    public int firstYear() {
        return FIRST_YEAR;
    }

    @Override
    public int lastYear() {
        return LAST_YEAR;
    }

    @Override
    public LocalDate lunarDate(int year, int month, int day) {
        check(year);
        EastAsianYear lunarYear = EastAsianYear.forGregorian(year);
        EastAsianMonth lunarMonth = EastAsianMonth.valueOf(month);
        if (!ChineseCalendar.isValid(lunarYear, lunarMonth, day)) {
            throw new IllegalArgumentException("lunar month " + month + " of the year beginning in " + year
                    + " has no day " + day);
        }
        return ChineseCalendar.of(lunarYear, lunarMonth, day).transform(PlainDate.axis()).toTemporalAccessor();
    }

    @Override
    public LocalDate qingming(int year) {
        check(year);
        return ChineseCalendar.ofQingMing(year).transform(PlainDate.axis()).toTemporalAccessor();
    }

    private static void check(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new UnsupportedYearException(year, FIRST_YEAR, LAST_YEAR);
        }
    }
}
