package cn.emall.calendar.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A public holiday as published by the State Council (国务院办公厅关于部分节假日安排的通知):
 * every day from {@code from} to {@code to}, both inclusive, is a non-working day unless it is
 * also listed as a make-up working day (SPEC "Working-day calendar"). A range may include
 * weekend days and may cross a year boundary (New Year 2023 runs 2022-12-31..2023-01-02).
 *
 * @param name the holiday's name, for example "Spring Festival 春节"
 * @param from the first day of the holiday
 * @param to   the last day of the holiday, not before {@code from}
 */
@Schema(description = "A public holiday: every day from 'from' to 'to', both inclusive, is a non-working day unless listed as "
        + "a make-up working day")
public record HolidayRange(String name, LocalDate from, LocalDate to) {

    /**
     * @throws IllegalArgumentException when the name is missing or blank, a date is missing,
     *                                  or {@code from} is after {@code to}
     */
    public HolidayRange {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        if (from == null) {
            throw new IllegalArgumentException("from: must not be missing");
        }
        if (to == null) {
            throw new IllegalArgumentException("to: must not be missing");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from: " + from + " is after to " + to);
        }
    }

    /** Whether {@code date} is one of the days of this holiday. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
