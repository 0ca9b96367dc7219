package cn.emall.calendar.model;


import cn.emall.text.Msg;
import cn.emall.text.Text;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One year of the State Council holiday arrangements: the public holidays and the make-up
 * working days (调休上班) it announces (SPEC "Working-day calendar"). Officers read and
 * replace a year through the API; {@link #violations()} lists what is wrong with a submitted
 * year before it is accepted.
 *
 * @param year           the calendar year the arrangement is for
 * @param holidays       the holiday ranges announced for the year; each must overlap the year
 *                       but may start in the previous one or end in the next
 * @param makeupWorkdays the Saturdays and Sundays of the year that are working days
 */
public record CalendarYear(int year, List<HolidayRange> holidays, List<LocalDate> makeupWorkdays) {

    /** The longest holiday range accepted (the Spring Festival and National Day breaks are 8 or 9 days). */
    public static final int MAX_HOLIDAY_DAYS = 31;

    /** The longest holiday name accepted. */
    public static final int MAX_NAME_LENGTH = 100;

    /**
     * One broken rule of a submitted year.
     *
     * @param field   the path of the offending value, for example {@code holidays[2]} or
     *                {@code makeupWorkdays[0]}
     * @param message what is wrong
     */
    public record Violation(String field, Text message) {
    }

    /** Copies both lists, which must not be or contain {@code null}. */
    public CalendarYear {
        holidays = List.copyOf(holidays);
        makeupWorkdays = List.copyOf(makeupWorkdays);
    }

    /**
     * The rules an officer-submitted year must satisfy, in list order:
     * <ul>
     *   <li>every holiday range overlaps the year and lasts at most {@value #MAX_HOLIDAY_DAYS} days
     *       (so that one year's data cannot reach into other years beyond a New Year's straddle),
     *       with a name of at most {@value #MAX_NAME_LENGTH} characters;</li>
     *   <li>every make-up working day is inside the year, is a Saturday or Sunday, is not inside
     *       one of the year's holiday ranges and is listed once.</li>
     * </ul>
     *
     * @return the violations found, empty when the year is acceptable
     */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        for (int i = 0; i < holidays.size(); i++) {
            HolidayRange range = holidays.get(i);
            if (range.to().isBefore(firstDay) || range.from().isAfter(lastDay)) {
                violations.add(new Violation("holidays[" + i + "]",
                        Msg.HOLIDAY_OUTSIDE_THE_YEAR.with(range.from(), range.to(), year)));
            }
            if (range.from().plusDays(MAX_HOLIDAY_DAYS).isBefore(range.to().plusDays(1))) {
                violations.add(new Violation("holidays[" + i + "]",
                        Msg.HOLIDAY_TOO_LONG.with(range.from(), range.to(), MAX_HOLIDAY_DAYS)));
            }
            if (range.name().codePointCount(0, range.name().length()) > MAX_NAME_LENGTH) {
                violations.add(new Violation("holidays[" + i + "].name", Msg.AT_MOST_CHARACTERS.with(MAX_NAME_LENGTH)));
            }
        }
        Map<LocalDate, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < makeupWorkdays.size(); i++) {
            LocalDate day = makeupWorkdays.get(i);
            String field = "makeupWorkdays[" + i + "]";
            if (day.getYear() != year) {
                violations.add(new Violation(field, Msg.MAKEUP_DAY_OUTSIDE_THE_YEAR.with(day, year)));
            }
            DayOfWeek dayOfWeek = day.getDayOfWeek();
            if (dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY) {
                violations.add(new Violation(field, Msg.MAKEUP_DAY_NOT_A_WEEKEND.with(day, dayOfWeek)));
            }
            for (int h = 0; h < holidays.size(); h++) {
                HolidayRange range = holidays.get(h);
                if (range.contains(day)) {
                    violations.add(new Violation(field,
                            Msg.MAKEUP_DAY_IS_A_HOLIDAY.with(day, h, range.name(), range.from(), range.to())));
                }
            }
            Integer earlier = firstIndex.putIfAbsent(day, i);
            if (earlier != null) {
                violations.add(new Violation(field, Msg.MAKEUP_DAY_TWICE.with(day, earlier)));
            }
        }
        return List.copyOf(violations);
    }
}
