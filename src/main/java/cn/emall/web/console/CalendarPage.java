package cn.emall.web.console;

import cn.emall.calendar.CalendarService;
import cn.emall.calendar.model.HolidayRange;
import cn.emall.calendar.model.WorkingDayCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A year of the calendar as the page shows it: twelve months of weeks (Monday first), every day
 * marked as the calendar counts it, the year's holidays and make-up days as lists, and the
 * replacement form with its data and problem.
 */
public record CalendarPage(int year, boolean statutory, List<Month> months, List<HolidayRange> holidays,
                           List<LocalDate> makeupWorkdays, LocalDate today, List<Integer> missingNearYears, String data,
                           FormErrors errors) {

    /** A day: its date (null for the blanks before the first and after the last of a month), its kind and holiday. */
    public record Day(LocalDate date, String kind, String holiday) {

        /** 休 for a holiday, 班 for a make-up working day; nothing otherwise. */
        public String mark() {
            return switch (kind) {
                case "holiday" -> "休";
                case "makeup" -> "班";
                default -> "";
            };
        }

        /** What a screen reader says of the day: 2024-10-01 国庆节 休息日. */
        public String description() {
            String what = switch (kind) {
                case "holiday" -> holiday + "，休息日";
                case "makeup" -> "调休上班";
                case "weekend" -> "周末";
                default -> "工作日";
            };
            return date + " " + what;
        }
    }

    public record Month(int number, List<List<Day>> weeks) {
    }

    static CalendarPage of(CalendarService.Arrangement arrangement, WorkingDayCalendar calendar, LocalDate today,
                           List<Integer> missingNearYears, String data, FormErrors errors) {
        int year = arrangement.year().year();
        List<HolidayRange> holidays = arrangement.year().holidays();
        List<LocalDate> makeups = arrangement.year().makeupWorkdays();
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Day(null, "blank", null));
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                Optional<HolidayRange> holiday = holidays.stream().filter(h -> h.contains(date)).findFirst();
                String kind = calendar.isWorkingDay(date)
                        ? (makeups.contains(date) ? "makeup" : "workday")
                        : (holiday.isPresent() ? "holiday" : "weekend");
                week.add(new Day(date, kind, holiday.map(HolidayRange::name).orElse(null)));
                if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Day(null, "blank", null));
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return new CalendarPage(year, arrangement.statutory(), months, holidays, makeups, today, missingNearYears, data, errors);
    }

    public int previousYear() {
        return year - 1;
    }

    public int nextYear() {
        return year + 1;
    }
}
