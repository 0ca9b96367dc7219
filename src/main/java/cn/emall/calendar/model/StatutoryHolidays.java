package cn.emall.calendar.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public holidays for all citizens that the law itself gives, for a year whose State Council
 * arrangement is not known yet: 《全国年节及纪念日放假办法》 in the edition in force that year.
 * <ul>
 *   <li>From 2025 (the 2024 revision, 国务院令第795号): 元旦 1 January; 春节 4 days, 农历除夕 (the last
 *       day of the twelfth lunar month) through 正月初三; 清明节 the day of the 清明 solar term; 劳动节
 *       1-2 May; 端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 1-3 October.</li>
 *   <li>2014 to 2024 (the 2013 revision): the same, except 春节 3 days, 正月初一 through 初三, and
 *       劳动节 1 May only.</li>
 *   <li>Article 6 (both editions): a holiday for all citizens that falls on a Saturday or Sunday is
 *       made up with a day off on a working day (补假). Here each such day gives one compensatory
 *       day, taken on the first working days after that holiday: a day that is neither a Saturday, a
 *       Sunday, one of the year's statutory days, nor a compensatory day already taken. Two festivals
 *       on the same date (中秋 on 1-3 October) are one day off, made up only if it is a weekend day.</li>
 * </ul>
 * Make-up working days (调休上班) exist only in the State Council's arrangement, so none are assumed.
 * Lunar dates and the solar term come from a {@link LunarCalendarSource}. Thread-safe; a year is
 * computed once.
 */
public final class StatutoryHolidays {

    /** The first year of the 2013 edition, the oldest one implemented here. */
    public static final int FIRST_YEAR = 2014;

    /** The last year computed: the end of the published almanac tables (香港天文台, 1901-2100). */
    public static final int LAST_YEAR = 2100;

    /** The first year of the 2024 revision (in force from 1 January 2025). */
    static final int REVISION_2024 = 2025;

    /** The name prefix of a compensatory day off; the festival it makes up follows in brackets. */
    public static final String COMPENSATORY = "Compensatory day off 补假";

    private final LunarCalendarSource lunar;
    private final int firstYear;
    private final int lastYear;
    private final Map<Integer, Computed> years = new ConcurrentHashMap<>();

    /** A computed year: its festivals and its compensatory days, each in date order. */
    private record Computed(List<HolidayRange> festivals, List<HolidayRange> compensatory) {
    }

    public StatutoryHolidays(LunarCalendarSource lunar) {
        this.lunar = lunar;
        this.firstYear = Math.max(FIRST_YEAR, lunar.firstYear());
        this.lastYear = Math.min(LAST_YEAR, lunar.lastYear());
    }

    /** The first year that can be computed. */
    public int firstYear() {
        return firstYear;
    }

    /** The last year that can be computed. */
    public int lastYear() {
        return lastYear;
    }

    public boolean supports(int year) {
        return year >= firstYear && year <= lastYear;
    }

    /**
     * The year's statutory holidays and compensatory days off as a calendar year without make-up
     * working days: first the festivals in date order, then the compensatory days, each a one-day
     * range named {@value #COMPENSATORY} (festival).
     *
     * @throws UnsupportedYearException when the year is not {@link #supports(int) supported}
     */
    public CalendarYear year(int year) {
        Computed computed = computed(year);
        List<HolidayRange> all = new ArrayList<>(computed.festivals());
        all.addAll(computed.compensatory());
        return new CalendarYear(year, all, List.of());
    }

    /**
     * The festivals alone, in date order, without the compensatory days.
     *
     * @throws UnsupportedYearException when the year is not {@link #supports(int) supported}
     */
    public List<HolidayRange> festivals(int year) {
        return computed(year).festivals();
    }

    /**
     * The compensatory days off (补假) alone, in date order.
     *
     * @throws UnsupportedYearException when the year is not {@link #supports(int) supported}
     */
    public List<LocalDate> compensatoryDays(int year) {
        return computed(year).compensatory().stream().map(HolidayRange::from).toList();
    }

    private Computed computed(int year) {
        if (!supports(year)) {
            throw new UnsupportedYearException(year, firstYear, lastYear);
        }
        return years.computeIfAbsent(year, this::compute);
    }

    private Computed compute(int year) {
        List<HolidayRange> festivals = festivalsOf(year);
        Set<LocalDate> statutoryDays = new HashSet<>();
        festivals.forEach(f -> statutoryDays.addAll(days(f)));
        Set<LocalDate> weekendDaysMadeUp = new HashSet<>();
        Set<LocalDate> taken = new HashSet<>();
        List<HolidayRange> compensatory = new ArrayList<>();
        for (HolidayRange festival : festivals) {
            long owed = days(festival).stream().filter(d -> isWeekend(d) && weekendDaysMadeUp.add(d)).count();
            LocalDate day = festival.to();
            while (owed > 0) {
                day = day.plusDays(1);
                if (!isWeekend(day) && !statutoryDays.contains(day) && taken.add(day)) {
                    compensatory.add(new HolidayRange(COMPENSATORY + " (" + festival.name() + ")", day, day));
                    owed--;
                }
            }
        }
        compensatory.sort(Comparator.comparing(HolidayRange::from));
        return new Computed(festivals, List.copyOf(compensatory));
    }

    private List<HolidayRange> festivalsOf(int year) {
        boolean revised2024 = year >= REVISION_2024;
        LocalDate springFestival = lunar.lunarDate(year, 1, 1);
        List<HolidayRange> festivals = new ArrayList<>(List.of(
                new HolidayRange("New Year's Day 元旦", LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 1)),
                new HolidayRange("Spring Festival 春节", revised2024 ? springFestival.minusDays(1) : springFestival,
                        springFestival.plusDays(2)),
                single("Qingming 清明节", lunar.qingming(year)),
                new HolidayRange("Labour Day 劳动节", LocalDate.of(year, 5, 1), LocalDate.of(year, 5, revised2024 ? 2 : 1)),
                single("Dragon Boat 端午节", lunar.lunarDate(year, 5, 5)),
                single("Mid-Autumn 中秋节", lunar.lunarDate(year, 8, 15)),
                new HolidayRange("National Day 国庆节", LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 3))));
        festivals.sort(Comparator.comparing(HolidayRange::from));
        return List.copyOf(festivals);
    }

    private static HolidayRange single(String name, LocalDate day) {
        return new HolidayRange(name, day, day);
    }

    private static List<LocalDate> days(HolidayRange range) {
        return range.from().datesUntil(range.to().plusDays(1)).toList();
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
