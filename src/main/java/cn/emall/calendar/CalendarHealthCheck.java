package cn.emall.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;

/**
 * Warns when this year or next has no State Council arrangement: deadlines there are counted on the
 * statutory holidays alone and are provisional. Only a warning: the service stays ready. An
 * unreachable database is reported by the datasource check.
 */
@Readiness
@ApplicationScoped
public class CalendarHealthCheck implements HealthCheck {

    private final CalendarService calendars;

    public CalendarHealthCheck(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("working-day calendar").up();
        try {
            List<Integer> missing = calendars.missingNearYears();
            if (!missing.isEmpty()) {
                response.withData("warning", "no State Council holiday arrangement for " + missing
                        + ": deadlines there are provisional, counted on the statutory holidays with no make-up working days");
            }
            return response.withData("missingYears", missing.toString()).build();
        } catch (RuntimeException e) {
            return response.withData("warning", "calendar not readable: " + e.getClass().getSimpleName()).build();
        }
    }
}
