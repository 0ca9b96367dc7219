package cn.emall.enforcement.model;

import static cn.emall.enforcement.model.Lines.returnOf;
import static cn.emall.enforcement.model.Lines.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.emall.calendar.lunar.Time4jLunarCalendar;
import cn.emall.calendar.model.CalendarData;
import cn.emall.calendar.model.CalendarYear;
import cn.emall.calendar.model.StatutoryHolidays;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.supplier.model.Suspension;
import cn.emall.enforcement.model.NetSales.Line;
import cn.emall.enforcement.model.NetSales.Totals;
import cn.emall.supplier.model.Suspension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The framework-free rules of the nightly cleanup run (SPEC "Time", "Working-day calendar",
 * "The nightly cleanup run"). Every expected date below is worked out by hand from SPEC, never
 * taken from the class under test.
 */
class RulesTest {

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static List<CalendarYear> loadShippedCalendar() {
        try (InputStream json = RulesTest.class.getResourceAsStream("/calendar/cn-2023-2026.json")) {
            return CalendarData.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Nested
    class ZeroSalesSupplier {

        private final ZeroSalesSupplierRule rule = new ZeroSalesSupplierRule(RuleSettings.defaults());
        private final LocalDate run = date("2024-01-01");
        /** Admitted exactly two years before the run, so only the sales decide. */
        private final LocalDate admitted = date("2022-01-01");

        private boolean caught(List<Line> lines) {
            Totals net = NetSales.in(rule.window(run), lines);
            return rule.applies(admitted, net.amount(), false, run);
        }

        @Test
        void zeroSalesWindowOfRunOn20240101IsTheFirstCampaign20220101To20231231() {
            assertEquals(new Window(date("2022-01-01"), date("2023-12-31")), rule.window(run));
        }

        @Test
        void zeroSalesSupplierAdmittedExactlyTwoYearsBeforeIsCaught() {
            assertEquals(date("2022-01-01"), rule.admittedOnOrBefore(run));
            assertTrue(rule.applies(date("2022-01-01"), BigDecimal.ZERO, false, run));
        }

        @Test
        void zeroSalesSupplierAdmittedOneDayLessThanTwoYearsBeforeIsNotCaught() {
            assertFalse(rule.applies(date("2022-01-02"), BigDecimal.ZERO, false, run));
        }

        @Test
        void zeroSalesSupplierWithNoLinesAtAllIsCaught() {
            assertTrue(caught(List.of()));
        }

        @Test
        void zeroSalesSupplierWithOneSaleOnTheWindowsFirstDayIsKept() {
            List<Line> lines = List.of(sale(1, "2022-01-01", "10.00", 1));
            assertAmount("10.00", NetSales.in(rule.window(run), lines).amount());
            assertFalse(caught(lines));
        }

        @Test
        void zeroSalesSupplierWithOneSaleOnTheWindowsLastDayIsKept() {
            List<Line> lines = List.of(sale(1, "2023-12-31", "10.00", 1));
            assertAmount("10.00", NetSales.in(rule.window(run), lines).amount());
            assertFalse(caught(lines));
        }

        @Test
        void zeroSalesSupplierWhoseOnlySaleIsTheDayBeforeTheWindowIsCaught() {
            List<Line> lines = List.of(sale(1, "2021-12-31", "10.00", 1));
            assertAmount("0", NetSales.in(rule.window(run), lines).amount());
            assertTrue(caught(lines));
        }

        @Test
        void zeroSalesSupplierWhoseOnlySaleIsOnTheRunDateIsCaught() {
            List<Line> lines = List.of(sale(1, "2024-01-01", "10.00", 1));
            assertAmount("0", NetSales.in(rule.window(run), lines).amount());
            assertTrue(caught(lines));
        }

        @Test
        void zeroSalesSupplierWhoseInWindowSaleWasReturnedInFullInsideTheWindowIsCaught() {
            List<Line> lines = List.of(
                    sale(1, "2023-03-10", "250.00", 5),
                    returnOf(2, 1, "2023-03-20", "-250.00", -5));
            assertAmount("0", NetSales.in(rule.window(run), lines).amount());
            assertTrue(caught(lines));
        }

        @Test
        void zeroSalesSupplierWhoseLastDaySaleWasReturnedInFullOnTheRunDateIsCaught() {
            // a return counts against the sale it refers to, whenever it is recorded
            List<Line> lines = List.of(
                    sale(1, "2023-12-31", "80.00", 2),
                    returnOf(2, 1, "2024-01-01", "-80.00", -2));
            assertAmount("0", NetSales.in(rule.window(run), lines).amount());
            assertTrue(caught(lines));
        }

        @Test
        void zeroSalesReturnInsideTheWindowOfASaleBeforeTheWindowDoesNotReduceTheWindow() {
            List<Line> lines = List.of(
                    sale(1, "2021-06-01", "50.00", 1),
                    sale(2, "2023-05-01", "100.00", 2),
                    returnOf(3, 1, "2023-06-01", "-50.00", -1));
            Totals net = NetSales.in(rule.window(run), lines);
            assertAmount("100.00", net.amount());
            assertEquals(2, net.quantity());
            assertFalse(caught(lines));
        }

        @Test
        void zeroSalesSupplierWithOnlyAnOldSaleReturnedInsideTheWindowIsCaught() {
            // the window's net is zero, not -50: the return belongs to the sale of 2021
            List<Line> lines = List.of(
                    sale(1, "2021-06-01", "50.00", 1),
                    returnOf(2, 1, "2023-06-01", "-50.00", -1));
            assertAmount("0", NetSales.in(rule.window(run), lines).amount());
            assertTrue(caught(lines));
        }

        @Test
        void zeroSalesSupplierWithAPartialReturnKeepsAPositiveNetAndIsKept() {
            List<Line> lines = List.of(
                    sale(1, "2023-03-10", "250.00", 5),
                    returnOf(2, 1, "2023-03-20", "-100.00", -2));
            Totals net = NetSales.in(rule.window(run), lines);
            assertAmount("150.00", net.amount());
            assertEquals(3, net.quantity());
            assertFalse(caught(lines));
        }

        @Test
        void zeroSalesSupplierWithALiveDelistingNoticeIsNotNoticedAgain() {
            assertTrue(rule.applies(admitted, BigDecimal.ZERO, false, run));
            assertFalse(rule.applies(admitted, BigDecimal.ZERO, true, run));
        }

        @Test
        void zeroSalesSupplierWithoutAdmissionDateIsNotCaught() {
            assertFalse(rule.applies(null, BigDecimal.ZERO, false, run));
        }

        @Test
        void zeroSalesRunOn20240229WindowEndsOn20240228AndStartsOn20220228() {
            LocalDate leapRun = date("2024-02-29");
            // 2022 has no 29 February: two years before 2024-02-29 falls back to 2022-02-28
            assertEquals(new Window(date("2022-02-28"), date("2024-02-28")), rule.window(leapRun));
            assertEquals(date("2022-02-28"), rule.admittedOnOrBefore(leapRun));
            assertTrue(rule.applies(date("2022-02-28"), BigDecimal.ZERO, false, leapRun));
            assertFalse(rule.applies(date("2022-03-01"), BigDecimal.ZERO, false, leapRun));
        }
    }

    @Nested
    class ZeroVolumeProduct {

        private final ZeroVolumeProductRule rule = new ZeroVolumeProductRule(RuleSettings.defaults());
        private final LocalDate run = date("2024-01-01");

        @Test
        void zeroVolumeWindowOfRunOn20240101Is20230101To20231231() {
            assertEquals(new Window(date("2023-01-01"), date("2023-12-31")), rule.window(run));
        }

        @Test
        void zeroVolumeProductListedExactlyTwelveMonthsBeforeIsCaught() {
            assertEquals(date("2023-01-01"), rule.listedOnOrBefore(run));
            assertTrue(rule.applies(date("2023-01-01"), 0, run));
        }

        @Test
        void zeroVolumeProductListedOneDayLessThanTwelveMonthsBeforeIsNotCaught() {
            assertFalse(rule.applies(date("2023-01-02"), 0, run));
        }

        @Test
        void zeroVolumeProductRelistedElevenMonthsAgoIsNotCaughtWhateverItsSales() {
            LocalDate relisted = date("2023-02-01");
            assertFalse(rule.applies(relisted, 0, run));
            assertFalse(rule.applies(relisted, 7, run));
        }

        @Test
        void zeroVolumeProductWithOneSaleOnTheWindowsFirstDayIsKept() {
            Totals net = NetSales.in(rule.window(run), List.of(sale(1, "2023-01-01", "30.00", 1)));
            assertEquals(1, net.quantity());
            assertFalse(rule.applies(date("2023-01-01"), net.quantity(), run));
        }

        @Test
        void zeroVolumeProductWhoseOnlySaleIsTheDayBeforeTheWindowIsCaught() {
            Totals net = NetSales.in(rule.window(run), List.of(sale(1, "2022-12-31", "30.00", 1)));
            assertEquals(0, net.quantity());
            assertTrue(rule.applies(date("2022-06-01"), net.quantity(), run));
        }

        @Test
        void zeroVolumeProductWithNetQuantityZeroAfterAFullReturnIsCaught() {
            List<Line> lines = List.of(
                    sale(1, "2023-06-15", "300.00", 3),
                    returnOf(2, 1, "2023-07-01", "-300.00", -3));
            Totals net = NetSales.in(rule.window(run), lines);
            assertEquals(0, net.quantity());
            assertTrue(rule.applies(date("2022-06-01"), net.quantity(), run));
        }

        @Test
        void zeroVolumeProductWithAPartialReturnKeepsPositiveQuantityAndIsKept() {
            List<Line> lines = List.of(
                    sale(1, "2023-06-15", "300.00", 3),
                    returnOf(2, 1, "2023-07-01", "-100.00", -1));
            Totals net = NetSales.in(rule.window(run), lines);
            assertEquals(2, net.quantity());
            assertFalse(rule.applies(date("2022-06-01"), net.quantity(), run));
        }

        @Test
        void zeroVolumeRunOn20240331CountsListingsOnOrBefore20230331() {
            LocalDate endOfMarch = date("2024-03-31");
            assertEquals(date("2023-03-31"), rule.listedOnOrBefore(endOfMarch));
            assertEquals(new Window(date("2023-03-31"), date("2024-03-30")), rule.window(endOfMarch));
        }

        @Test
        void zeroVolumeRunOn20240229CountsListingsOnOrBefore20230228() {
            LocalDate leapRun = date("2024-02-29");
            assertEquals(date("2023-02-28"), rule.listedOnOrBefore(leapRun));
            assertEquals(new Window(date("2023-02-28"), date("2024-02-28")), rule.window(leapRun));
            assertTrue(rule.applies(date("2023-02-28"), 0, leapRun));
            assertFalse(rule.applies(date("2023-03-01"), 0, leapRun));
        }
    }

    @Nested
    class LapsedNotice {

        private final WorkingDayCalendar calendar = new WorkingDayCalendar(loadShippedCalendar(),
                new StatutoryHolidays(new Time4jLunarCalendar()));
        private final LocalDate received = date("2024-09-27");

        private LocalDate deadline() {
            return calendar.workingDaysAfter(received, RuleSettings.defaults().appealWorkingDays()).date();
        }

        @Test
        void lapsedNoticeReceived20240927HasAppealDeadline20241008() {
            assertEquals(date("2024-10-08"), deadline());
        }

        @Test
        void lapsedNoticeOpenIsNotClosedByARunOnTheDeadline() {
            assertFalse(LapsedNoticeRule.lapsed(NoticeStatus.OPEN, deadline(), date("2024-10-08")));
        }

        @Test
        void lapsedNoticeOpenIsNotClosedBeforeTheDeadline() {
            assertFalse(LapsedNoticeRule.lapsed(NoticeStatus.OPEN, deadline(), date("2024-09-30")));
        }

        @Test
        void lapsedNoticeOpenIsClosedByARunTheDayAfterTheDeadline() {
            assertTrue(LapsedNoticeRule.lapsed(NoticeStatus.OPEN, deadline(), date("2024-10-09")));
        }

        @Test
        void lapsedNoticeAppealedNeverLapses() {
            assertFalse(LapsedNoticeRule.lapsed(NoticeStatus.APPEALED, deadline(), date("2024-10-08")));
            assertFalse(LapsedNoticeRule.lapsed(NoticeStatus.APPEALED, deadline(), date("2024-10-09")));
            assertFalse(LapsedNoticeRule.lapsed(NoticeStatus.APPEALED, deadline(), date("2026-01-01")));
        }

        @Test
        void lapsedNoticeAppealRejectedLapsesAtTheNextRunEvenBeforeTheDeadline() {
            assertTrue(LapsedNoticeRule.lapsed(NoticeStatus.APPEAL_REJECTED, deadline(), date("2024-10-02")));
            assertTrue(LapsedNoticeRule.lapsed(NoticeStatus.APPEAL_REJECTED, deadline(), date("2024-10-09")));
        }
    }

    @Nested
    class OverdueNotice {

        private final LocalDate deadline = date("2024-10-08");
        private final LocalDate dayAfter = date("2024-10-09");

        @Test
        void overdueNoticeAnsweredOnTheDeadlineIsInTime() {
            assertFalse(OverdueNoticeRule.overdue(deadline, deadline, dayAfter));
            assertFalse(OverdueNoticeRule.overdue(deadline, deadline, date("2024-12-31")));
        }

        @Test
        void overdueNoticeAnsweredBeforeTheDeadlineIsInTime() {
            assertFalse(OverdueNoticeRule.overdue(deadline, date("2024-10-01"), dayAfter));
        }

        @Test
        void overdueNoticeAnsweredTheDayAfterTheDeadlineIsLate() {
            assertTrue(OverdueNoticeRule.overdue(deadline, dayAfter, dayAfter));
            assertTrue(OverdueNoticeRule.overdue(deadline, dayAfter, date("2024-10-20")));
        }

        @Test
        void overdueNoticeUnansweredIsNotOverdueOnTheDeadline() {
            assertFalse(OverdueNoticeRule.overdue(deadline, null, deadline));
        }

        @Test
        void overdueNoticeUnansweredIsOverdueFromTheDayAfterTheDeadline() {
            assertTrue(OverdueNoticeRule.overdue(deadline, null, dayAfter));
            assertTrue(OverdueNoticeRule.overdue(deadline, null, date("2025-01-15")));
        }
    }

    @Nested
    class SuspensionPeriod {

        private final int years = RuleSettings.defaults().suspensionYears();

        @Test
        void suspensionAfterTermination20240315LastsThrough20250315() {
            assertEquals(date("2025-03-15"), Suspension.suspendedUntil(date("2024-03-15"), years));
        }

        @Test
        void suspensionThrough20250315AllowsApplyingFrom20250316() {
            assertEquals(date("2025-03-16"), Suspension.mayApplyFrom(date("2025-03-15")));
        }

        @Test
        void suspensionThrough20250315HasNotEndedOnThatDayAndHasEndedTheDayAfter() {
            assertFalse(Suspension.ended(date("2025-03-15"), date("2025-03-14")));
            assertFalse(Suspension.ended(date("2025-03-15"), date("2025-03-15")));
            assertTrue(Suspension.ended(date("2025-03-15"), date("2025-03-16")));
        }

        @Test
        void suspensionAfterTermination20240229LastsThrough20250228() {
            LocalDate until = Suspension.suspendedUntil(date("2024-02-29"), years);
            assertEquals(date("2025-02-28"), until);
            assertEquals(date("2025-03-01"), Suspension.mayApplyFrom(until));
        }
    }

    @Nested
    class WindowRange {

        @Test
        void windowRefusesToEndBeforeItStarts() {
            assertThrows(IllegalArgumentException.class, () -> new Window(date("2024-01-02"), date("2024-01-01")));
        }

        @Test
        void windowOfOneDayContainsOnlyThatDay() {
            Window oneDay = new Window(date("2024-01-01"), date("2024-01-01"));
            assertTrue(oneDay.contains(date("2024-01-01")));
            assertFalse(oneDay.contains(date("2023-12-31")));
            assertFalse(oneDay.contains(date("2024-01-02")));
        }

        @Test
        void windowIncludesBothEnds() {
            Window window = new Window(date("2022-01-01"), date("2023-12-31"));
            assertTrue(window.contains(date("2022-01-01")));
            assertTrue(window.contains(date("2023-12-31")));
            assertFalse(window.contains(date("2021-12-31")));
            assertFalse(window.contains(date("2024-01-01")));
        }
    }
}
