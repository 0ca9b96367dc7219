package cn.emall.supplier.model;

import java.time.LocalDate;

/**
 * SPEC step 1 and 5: a supplier terminated on a date is suspended through the same date one year
 * later (Civil Code art. 201-203: the period ends at the end of the day with the same number) and
 * may apply again the day after. Terminated 2024-03-15: suspended through 2025-03-15, may apply
 * from 2025-03-16.
 */
public final class Suspension {

    public static final String ENDED_RULE = "SUSPENSION_ENDED";

    private Suspension() {
    }

    public static LocalDate suspendedUntil(LocalDate terminatedOn, int years) {
        return terminatedOn.plusYears(years);
    }

    public static LocalDate mayApplyFrom(LocalDate suspendedUntil) {
        return suspendedUntil.plusDays(1);
    }

    public static boolean ended(LocalDate suspendedUntil, LocalDate runDate) {
        return runDate.isAfter(suspendedUntil);
    }
}
