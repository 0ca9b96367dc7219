package cn.emall.enforcement.run;

import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.enforcement.model.RuleSettings;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One run: its date, whether it is dry, the rules' settings and calendar, and what it found along
 * the way. A dry run changes nothing, so the suppliers its first step would terminate are remembered
 * here and left out of the later steps, as the real run would.
 */
public final class RunContext {

    final long runId;
    final LocalDate asOf;
    final boolean dryRun;
    final String actor;
    final RuleSettings settings;
    final WorkingDayCalendar calendar;
    final Set<String> warnings = new LinkedHashSet<>();
    final Set<Long> terminatedSuppliers = new HashSet<>();

    RunContext(long runId, LocalDate asOf, boolean dryRun, String actor, RuleSettings settings, WorkingDayCalendar calendar) {
        this.runId = runId;
        this.asOf = asOf;
        this.dryRun = dryRun;
        this.actor = actor;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** The last day of a period of N working days that starts after the run date; warns about years without an arrangement. */
    LocalDate workingDaysAfterRunDate(int workingDays) {
        WorkingDayCalendar.Deadline deadline = calendar.workingDaysAfter(asOf, workingDays);
        deadline.missingYears().forEach(year -> warnings.add("No State Council holiday arrangement for " + year
                + ": deadlines there are provisional, counted on the statutory holidays with no make-up working days"));
        return deadline.date();
    }

    /** Whether that period runs through a year without an arrangement, so that its deadline is provisional. */
    boolean provisional(int workingDays) {
        return calendar.workingDaysAfter(asOf, workingDays).provisional();
    }
}
