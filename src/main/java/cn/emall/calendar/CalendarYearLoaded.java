package cn.emall.calendar;

import java.time.LocalDate;

/**
 * A year's State Council arrangement was loaded or replaced: by an officer, or from the shipped data
 * on start. Fired synchronously inside the transaction that wrote it, so that what observers change
 * (the deadlines of open notices) commits with it or not at all.
 *
 * @param actor        who loaded it ({@code shipped} for the shipped data)
 * @param year         the year loaded
 * @param affectedFrom the first day whose working-day status the change can have moved: 1 January,
 *                     or earlier when the old or the new arrangement has a holiday starting in the
 *                     year before
 * @param affectedTo   the last such day: 31 December, or later for a holiday running into the next year
 */
public record CalendarYearLoaded(String actor, int year, LocalDate affectedFrom, LocalDate affectedTo) {
}
