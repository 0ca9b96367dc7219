package cn.emall.calendar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.emall.calendar.lunar.Time4jLunarCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatutoryHolidaysTest {

    private static final LunarCalendarSource LUNAR = new Time4jLunarCalendar();
    private static final StatutoryHolidays STATUTORY = new StatutoryHolidays(LUNAR);

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /**
     * The almanac (紫金山天文台《中国天文年历》, 香港天文台 公历与农历日期对照表): 除夕 (the day before 正月初一),
     * the day of the 清明 term, 端午 (五月初五) and 中秋 (八月十五). 2027 and 2030 are the years whose 正月初一
     * new moon falls within ten minutes of midnight Beijing time (6 Feb 2027 23:56, 3 Feb 2030 00:07); 2033
     * is the year of the leap eleventh month (the "2033 problem"), which puts 中秋 in September.
     */
    @ParameterizedTest(name = "{0}: 除夕 {1}, 清明 {2}, 端午 {3}, 中秋 {4}")
    @CsvSource({
        "2023, 2023-01-21, 2023-04-05, 2023-06-22, 2023-09-29",
        "2024, 2024-02-09, 2024-04-04, 2024-06-10, 2024-09-17",
        "2025, 2025-01-28, 2025-04-04, 2025-05-31, 2025-10-06",
        "2026, 2026-02-16, 2026-04-05, 2026-06-19, 2026-09-25",
        "2027, 2027-02-05, 2027-04-05, 2027-06-09, 2027-09-15",
        "2028, 2028-01-25, 2028-04-04, 2028-05-28, 2028-10-03",
        "2029, 2029-02-12, 2029-04-04, 2029-06-16, 2029-09-22",
        "2030, 2030-02-02, 2030-04-05, 2030-06-05, 2030-09-12",
        "2031, 2031-01-22, 2031-04-05, 2031-06-24, 2031-10-01",
        "2032, 2032-02-10, 2032-04-04, 2032-06-12, 2032-09-19",
        "2033, 2033-01-30, 2033-04-04, 2033-06-01, 2033-09-08",
        "2034, 2034-02-18, 2034-04-05, 2034-06-20, 2034-09-27",
        "2035, 2035-02-07, 2035-04-05, 2035-06-10, 2035-09-16",
    })
    void lunarFestivalsAndQingmingMatchTheAlmanac(int year, LocalDate chuxi, LocalDate qingming, LocalDate dragonBoat,
                                                 LocalDate midAutumn) {
        assertEquals(chuxi.plusDays(1), LUNAR.lunarDate(year, 1, 1), "正月初一");
        assertEquals(qingming, LUNAR.qingming(year), "清明");
        assertEquals(dragonBoat, LUNAR.lunarDate(year, 5, 5), "端午");
        assertEquals(midAutumn, LUNAR.lunarDate(year, 8, 15), "中秋");

        List<HolidayRange> festivals = STATUTORY.festivals(year);
        LocalDate springFestivalFrom = year >= 2025 ? chuxi : chuxi.plusDays(1);
        assertEquals(List.of(
                range("New Year's Day 元旦", LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 1)),
                range("Spring Festival 春节", springFestivalFrom, chuxi.plusDays(3)),
                range("Qingming 清明节", qingming, qingming),
                range("Labour Day 劳动节", LocalDate.of(year, 5, 1), LocalDate.of(year, 5, year >= 2025 ? 2 : 1)),
                range("Dragon Boat 端午节", dragonBoat, dragonBoat)),
                festivals.subList(0, 5));
        assertTrue(festivals.containsAll(List.of(range("Mid-Autumn 中秋节", midAutumn, midAutumn),
                range("National Day 国庆节", LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 3)))));
        assertEquals(7, festivals.size());
    }

    private static HolidayRange range(String name, LocalDate from, LocalDate to) {
        return new HolidayRange(name, from, to);
    }

    @Test
    void revisionOf2024GivesFourDaysOfSpringFestivalFromChuxiAndTwoOfLabourDayFrom2025() {
        assertEquals(range("Spring Festival 春节", date("2024-02-10"), date("2024-02-12")), STATUTORY.festivals(2024).get(1));
        assertEquals(range("Labour Day 劳动节", date("2024-05-01"), date("2024-05-01")), STATUTORY.festivals(2024).get(3));
        assertEquals(range("Spring Festival 春节", date("2025-01-28"), date("2025-01-31")), STATUTORY.festivals(2025).get(1));
        assertEquals(range("Labour Day 劳动节", date("2025-05-01"), date("2025-05-02")), STATUTORY.festivals(2025).get(3));
    }

    /**
     * Every statutory day on a Saturday or Sunday in 2023-2035 and the compensatory days it gives, counted by
     * hand from the dates above: the first days after the festival that are Monday to Friday, not statutory
     * and not already taken. 中秋 on a weekday of 国庆 (2028-10-03, 2031-10-01) gives none.
     */
    static Stream<Arguments> compensatoryDays() {
        return Stream.of(
                // 元旦 Sun 01-01; 春节 (初一-初三) Sun 01-22; 国庆 Sun 10-01.
                compensatory(2023, "2023-01-02", "2023-01-25", "2023-10-04"),
                // 春节 (初一-初三) Sat 02-10 and Sun 02-11 -> after Mon 02-12.
                compensatory(2024, "2024-02-13", "2024-02-14"),
                // 端午 Sat 05-31.
                compensatory(2025, "2025-06-02"),
                // 清明 Sun 04-05; 劳动节 Sat 05-02; 国庆 Sat 10-03.
                compensatory(2026, "2026-04-06", "2026-05-04", "2026-10-05"),
                // 春节 Sat 02-06, Sun 02-07 -> after Mon 02-08; 劳动节 Sat 05-01, Sun 05-02; 国庆 Sat 10-02, Sun 10-03.
                compensatory(2027, "2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"),
                // 元旦 Sat 01-01; 端午 Sun 05-28; 国庆 Sun 10-01 -> after Tue 10-03 (also 中秋).
                compensatory(2028, "2028-01-03", "2028-05-29", "2028-10-04"),
                // 端午 Sat 06-16; 中秋 Sat 09-22.
                compensatory(2029, "2029-06-18", "2029-09-24"),
                // 春节 Sat 02-02 (除夕), Sun 02-03 -> after Tue 02-05.
                compensatory(2030, "2030-02-06", "2030-02-07"),
                // 春节 Sat 01-25 (初三); 清明 Sat 04-05.
                compensatory(2031, "2031-01-27", "2031-04-07"),
                // 清明 Sun 04-04; 劳动节 Sat 05-01, Sun 05-02; 端午 Sat 06-12; 中秋 Sun 09-19; 国庆 Sat 10-02, Sun 10-03.
                compensatory(2032, "2032-04-05", "2032-05-03", "2032-05-04", "2032-06-14", "2032-09-20", "2032-10-04",
                        "2032-10-05"),
                // 元旦 Sat 01-01; 春节 Sun 01-30 (除夕) -> after Wed 02-02; 劳动节 Sun 05-01 -> after Mon 05-02;
                // 国庆 Sat 10-01, Sun 10-02 -> after Mon 10-03.
                compensatory(2033, "2033-01-03", "2033-02-03", "2033-05-03", "2033-10-04", "2033-10-05"),
                // 元旦 Sun 01-01; 春节 Sat 02-18 (除夕), Sun 02-19 -> after Tue 02-21; 国庆 Sun 10-01.
                compensatory(2034, "2034-01-02", "2034-02-22", "2034-02-23", "2034-10-04"),
                // 春节 Sat 02-10 (初三); 端午 Sun 06-10; 中秋 Sun 09-16.
                compensatory(2035, "2035-02-12", "2035-06-11", "2035-09-17"));
    }

    private static Arguments compensatory(int year, String... days) {
        return Arguments.of(year, Arrays.stream(days).map(LocalDate::parse).toList());
    }

    @ParameterizedTest(name = "{0}: 补假 {1}")
    @MethodSource("compensatoryDays")
    void weekendStatutoryDaysAreMadeUpOnTheFirstWorkingDaysAfterTheirHoliday(int year, List<LocalDate> expected) {
        assertEquals(expected, STATUTORY.compensatoryDays(year));
        CalendarYear computed = STATUTORY.year(year);
        assertEquals(List.of(), computed.makeupWorkdays(), "no make-up working day is assumed");
        assertEquals(7 + expected.size(), computed.holidays().size());
        assertEquals(List.of(), computed.violations());
    }

    @Test
    void compensatoryDayIsNamedAfterTheFestivalItMakesUp() {
        assertEquals(range("Compensatory day off 补假 (Spring Festival 春节)", date("2027-02-09"), date("2027-02-09")),
                STATUTORY.year(2027).holidays().get(7));
    }

    private static List<CalendarYear> shipped() {
        try (InputStream json = StatutoryHolidaysTest.class.getResourceAsStream("/calendar/cn-2023-2026.json")) {
            return CalendarData.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> shippedYears() {
        return shipped().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedYears")
    void everyStatutoryDayAndCompensatoryDayIsAHolidayInTheShippedArrangement(CalendarYear arrangement) {
        CalendarYear statutory = STATUTORY.year(arrangement.year());
        for (HolidayRange day : statutory.holidays()) {
            for (LocalDate d = day.from(); !d.isAfter(day.to()); d = d.plusDays(1)) {
                LocalDate date = d;
                assertTrue(arrangement.holidays().stream().anyMatch(h -> h.contains(date)), day.name() + " " + date);
                assertFalse(arrangement.makeupWorkdays().contains(date), day.name() + " " + date);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2013, 2101})
    void yearOutsideTheStatutoryYearsIsRefusedNamingIt(int year) {
        assertFalse(STATUTORY.supports(year));
        UnsupportedYearException refused = assertThrows(UnsupportedYearException.class, () -> STATUTORY.year(year));
        assertEquals(year, refused.year());
        assertEquals(year + " is outside the years the working-day calendar can compute (2014 to 2100)", refused.getMessage());
    }

    @Test
    void statutoryYearsAreThoseOfTheEditionsAndTheAlmanacTables() {
        assertEquals(2014, STATUTORY.firstYear());
        assertEquals(2100, STATUTORY.lastYear());
        assertTrue(STATUTORY.supports(2100));
        assertEquals(7, STATUTORY.festivals(2100).size());
    }
}
