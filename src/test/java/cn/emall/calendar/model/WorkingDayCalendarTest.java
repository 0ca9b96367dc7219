package cn.emall.calendar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.emall.calendar.lunar.Time4jLunarCalendar;
import cn.emall.calendar.model.CalendarYear.Violation;
import cn.emall.calendar.model.WorkingDayCalendar.Deadline;
import cn.emall.testsupport.English;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingDayCalendarTest {

    private static final List<CalendarYear> SHIPPED = loadShipped();
    private static final StatutoryHolidays STATUTORY = new StatutoryHolidays(new Time4jLunarCalendar());
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(SHIPPED, STATUTORY);

    private static List<CalendarYear> loadShipped() {
        try (InputStream json = WorkingDayCalendarTest.class.getResourceAsStream("/calendar/cn-2023-2026.json")) {
            return CalendarData.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> shippedMakeupWorkdays() {
        return SHIPPED.stream().flatMap(year -> year.makeupWorkdays().stream()).map(Arguments::of);
    }

    static Stream<Arguments> shippedHolidays() {
        return SHIPPED.stream().flatMap(year -> year.holidays().stream()).map(Arguments::of);
    }

    static Stream<Arguments> shippedYears() {
        return SHIPPED.stream().map(Arguments::of);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void shippedDataHasTheFourYearsFrom2023To2026() {
        assertEquals(List.of(2023, 2024, 2025, 2026), SHIPPED.stream().map(CalendarYear::year).toList());
        assertTrue(CALENDAR.hasYear(2023));
        assertTrue(CALENDAR.hasYear(2026));
        assertFalse(CALENDAR.hasYear(2022));
        assertFalse(CALENDAR.hasYear(2027));
    }

    @Test
    void specExampleNoticeOnFriday20240927HasAppealWindowEndingOn20241008() {
        Deadline deadline = CALENDAR.workingDaysAfter(date("2024-09-27"), 3);

        assertEquals(date("2024-10-08"), deadline.date());
        assertEquals(Set.of(), deadline.missingYears());
    }

    @ParameterizedTest
    @MethodSource("shippedMakeupWorkdays")
    void makeupWorkdayIsAWorkingDayAndTheFirstOneAfterTheDayBefore(LocalDate makeupDay) {
        assertTrue(CALENDAR.isWorkingDay(makeupDay));
        assertEquals(makeupDay, CALENDAR.workingDaysAfter(makeupDay.minusDays(1), 1).date());
    }

    @ParameterizedTest
    @MethodSource("shippedHolidays")
    void holidayDaysThatAreNotMakeupDaysAreNotWorkingDays(HolidayRange holiday) {
        for (LocalDate day = holiday.from(); !day.isAfter(holiday.to()); day = day.plusDays(1)) {
            if (!isShippedMakeupDay(day)) {
                assertFalse(CALENDAR.isWorkingDay(day), day + " in " + holiday.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shippedHolidays")
    void firstWorkingDayFromTheStartOfAHolidayIsAfterItOrAMakeupDayInsideIt(HolidayRange holiday) {
        LocalDate first = CALENDAR.workingDaysAfter(holiday.from().minusDays(1), 1).date();

        assertTrue(first.isAfter(holiday.to()) || (holiday.contains(first) && isShippedMakeupDay(first)),
                holiday.name() + " " + holiday.from() + ": " + first);
    }

    private static boolean isShippedMakeupDay(LocalDate day) {
        return SHIPPED.stream().anyMatch(year -> year.makeupWorkdays().contains(day));
    }

    /*
     * Spring Festival 2024: holiday Sat 02-10..Sat 02-17, make-up days Sun 02-04 and Sun 02-18.
     * National Day 2025: holiday Wed 10-01..Wed 10-08, make-up days Sun 09-28 and Sat 10-11.
     * Expected dates counted by hand from those facts.
     */
    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2024-02-09, 1, 2024-02-18",
        "2024-02-09, 3, 2024-02-20",
        "2024-02-08, 3, 2024-02-19",
        "2024-02-07, 5, 2024-02-20",
        "2024-02-02, 5, 2024-02-08",
        "2025-09-26, 3, 2025-09-30",
        "2025-09-26, 5, 2025-10-10",
        "2025-09-30, 1, 2025-10-09",
        "2025-09-30, 3, 2025-10-11",
        "2025-09-29, 5, 2025-10-13",
    })
    void deadlinesAroundSpringFestival2024AndNationalDay2025(LocalDate from, int n, LocalDate expected) {
        Deadline deadline = CALENDAR.workingDaysAfter(from, n);

        assertEquals(expected, deadline.date());
        assertEquals(Set.of(), deadline.missingYears());
    }

    @Test
    void yearWithoutAnArrangementIsCountedAndReportedMissing() {
        Deadline deadline = CALENDAR.workingDaysAfter(date("2027-01-01"), 3);

        assertEquals(date("2027-01-06"), deadline.date());
        assertEquals(Set.of(2027), deadline.missingYears());
        assertTrue(deadline.provisional());
    }

    @Test
    void missingYearIsReportedWhenTheCountCrossesIntoItAndItsNewYearsDayIsAHoliday() {
        // Thu 12-31 is the 1st; Fri 2027-01-01 is New Year's Day by law, then the weekend; Mon 01-04 the 2nd.
        Deadline deadline = CALENDAR.workingDaysAfter(date("2026-12-30"), 2);

        assertEquals(date("2027-01-04"), deadline.date());
        assertEquals(Set.of(2027), deadline.missingYears());
    }

    @Test
    void processingNoticeOf20261229WithThreeWorkingDaysIsDueOn20270104Provisionally() {
        Deadline deadline = CALENDAR.workingDaysAfter(date("2026-12-29"), 3);

        assertEquals(date("2027-01-04"), deadline.date());
        assertTrue(deadline.provisional());
        assertTrue(CALENDAR.isProvisional(date("2026-12-29"), deadline.date()));
        assertFalse(CALENDAR.isProvisional(date("2026-12-28"), date("2026-12-31")));
    }

    @Test
    void springFestival2027IsCountedOnTheStatutoryDaysAndTheirCompensatoryDays() {
        // Thu 02-04; 除夕 Fri 02-05 .. 初三 Mon 02-08 off, Sat and Sun inside it made up on Tue 02-09 and Wed 02-10.
        Deadline deadline = CALENDAR.workingDaysAfter(date("2027-02-04"), 3);

        assertEquals(date("2027-02-15"), deadline.date());
        assertTrue(deadline.provisional());
    }

    @Test
    void loadedArrangementReplacesTheStatutoryDaysOfItsYear() {
        CalendarYear onlyNewYear2027 = new CalendarYear(2027, List.of(new HolidayRange("元旦", date("2027-01-01"),
                date("2027-01-01"))), List.of());
        WorkingDayCalendar loaded = new WorkingDayCalendar(List.of(onlyNewYear2027), STATUTORY);

        Deadline deadline = loaded.workingDaysAfter(date("2027-02-04"), 3);

        assertEquals(date("2027-02-09"), deadline.date());
        assertFalse(deadline.provisional());
    }

    @Test
    void countIntoAYearBeyondTheStatutoryYearsIsRefusedNamingTheYear() {
        UnsupportedYearException refused = assertThrows(UnsupportedYearException.class,
                () -> CALENDAR.workingDaysAfter(date("2100-12-30"), 3));

        assertEquals(2101, refused.year());
        assertTrue(refused.getMessage().startsWith("2101 "), refused.getMessage());
    }

    @Test
    void missingYearIsNotReportedWhenTheCountStopsBeforeIt() {
        Deadline deadline = CALENDAR.workingDaysAfter(date("2026-12-29"), 2);

        assertEquals(date("2026-12-31"), deadline.date());
        assertEquals(Set.of(), deadline.missingYears());
    }

    @Test
    void holidayRangeOfTheNextYearAppliesInAYearWithoutData() {
        // Thu 2022-12-29: Fri 12-30 is the 1st; Sat 12-31..Mon 2023-01-02 is New Year 2023; Tue 01-03 the 2nd.
        Deadline deadline = CALENDAR.workingDaysAfter(date("2022-12-29"), 2);

        assertEquals(date("2023-01-03"), deadline.date());
        assertEquals(Set.of(2022), deadline.missingYears());
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void periodOfLessThanOneWorkingDayIsRefused(int n) {
        assertThrows(IllegalArgumentException.class, () -> CALENDAR.workingDaysAfter(date("2024-09-27"), n));
    }

    @Test
    void periodOfOneYearEndsOnTheDayWithTheSameNumber() {
        assertEquals(date("2025-03-15"), WorkingDayCalendar.oneYearAfter(date("2024-03-15")));
    }

    @Test
    void periodOfOneYearFromFebruary29EndsOnTheLastDayOfFebruary() {
        assertEquals(date("2025-02-28"), WorkingDayCalendar.oneYearAfter(date("2024-02-29")));
    }

    @Test
    void periodOfFourYearsFromFebruary29EndsOnFebruary29() {
        assertEquals(date("2028-02-29"), WorkingDayCalendar.yearsAfter(date("2024-02-29"), 4));
    }

    @Test
    void periodOfOneMonthFromJanuary31EndsOnTheLastDayOfFebruary() {
        assertEquals(date("2024-02-29"), WorkingDayCalendar.monthsAfter(date("2024-01-31"), 1));
        assertEquals(date("2025-02-28"), WorkingDayCalendar.monthsAfter(date("2025-01-31"), 1));
    }

    @Test
    void periodOfTwelveMonthsEqualsOneYear() {
        assertEquals(date("2025-02-28"), WorkingDayCalendar.monthsAfter(date("2024-02-29"), 12));
    }

    @ParameterizedTest
    @MethodSource("shippedYears")
    void shippedYearBreaksNoRule(CalendarYear year) {
        assertEquals(List.of(), year.violations());
    }

    @Test
    void makeupWorkdayOnAWeekdayBreaksTheWeekendRule() {
        CalendarYear year = new CalendarYear(2023, List.of(), List.of(date("2023-04-24")));

        assertEquals(List.of(shown("makeupWorkdays[0]",
                "2023-04-24 is a Monday; a make-up working day must be a Saturday or Sunday")), inEnglish(year.violations()));
    }

    @Test
    void dateThatIsBothHolidayAndMakeupWorkdayBreaksTheRules() {
        HolidayRange springFestival = new HolidayRange("Spring Festival", date("2023-01-21"), date("2023-01-27"));
        CalendarYear year = new CalendarYear(2023, List.of(springFestival), List.of(date("2023-01-21")));

        List<Violation> violations = year.violations();

        assertEquals(1, violations.size());
        assertEquals("makeupWorkdays[0]", violations.get(0).field());
        assertTrue(English.of(violations.get(0).message()).contains("also a holiday (holidays[0]"),
                English.of(violations.get(0).message()));
    }

    @Test
    void makeupWorkdayOutsideTheYearBreaksTheRules() {
        CalendarYear year = new CalendarYear(2023, List.of(), List.of(date("2024-01-06")));

        assertEquals(List.of(shown("makeupWorkdays[0]", "2024-01-06 is not in 2023")), inEnglish(year.violations()));
    }

    @Test
    void holidayRangeNotOverlappingTheYearBreaksTheRules() {
        HolidayRange newYear2022 = new HolidayRange("New Year", date("2022-01-01"), date("2022-01-03"));
        CalendarYear year = new CalendarYear(2023, List.of(newYear2022), List.of());

        assertEquals(List.of(shown("holidays[0]", "2022-01-01..2022-01-03 does not overlap 2023")),
                inEnglish(year.violations()));
    }

    @Test
    void holidayRangeStartingInThePreviousYearIsAccepted() {
        HolidayRange newYear2023 = new HolidayRange("New Year", date("2022-12-31"), date("2023-01-02"));

        assertEquals(List.of(), new CalendarYear(2023, List.of(newYear2023), List.of()).violations());
    }

    @Test
    void makeupWorkdayListedTwiceBreaksTheRules() {
        CalendarYear year = new CalendarYear(2023, List.of(), List.of(date("2023-01-28"), date("2023-01-28")));

        assertEquals(List.of(shown("makeupWorkdays[1]", "2023-01-28 is listed twice (also makeupWorkdays[0])")),
                inEnglish(year.violations()));
    }

    @Test
    void holidayRangeEndingBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new HolidayRange("Backwards", date("2023-01-05"), date("2023-01-01")));
    }

    @Test
    void calendarWithTheSameYearTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingDayCalendar(List.of(SHIPPED.get(0), SHIPPED.get(0)),
                STATUTORY));
    }

    /** A violation as it reads in English: {@code field: message}. */
    private static String shown(String field, String message) {
        return field + ": " + message;
    }

    private static List<String> inEnglish(List<Violation> violations) {
        return violations.stream().map(v -> English.of(v.field(), v.message())).toList();
    }
}
