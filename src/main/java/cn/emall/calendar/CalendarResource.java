package cn.emall.calendar;

import cn.emall.calendar.model.CalendarYear;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.Params;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class CalendarResource {

    private final CalendarService calendars;
    private final CurrentUser user;

    public CalendarResource(CalendarService calendars, CurrentUser user) {
        this.calendars = calendars;
        this.user = user;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record DeadlineView(LocalDate from, int workingDays, LocalDate deadline, List<String> warnings) {
    }

    @GET
    @Path("deadline")
    @PermitAll
    @Operation(summary = "The last day (inclusive, until 24:00 Asia/Shanghai) of a period of N working days after 'from' "
            + "(the day of 'from' is not counted); 1 <= workingDays <= 60. A year without calendar data counts weekends only, with a warning")
    public DeadlineView deadline(@QueryParam("from") String from, @QueryParam("workingDays") String workingDays) {
        LocalDate start = Params.date("from", from);
        Long days = Params.id("workingDays", workingDays);
        if (start == null) {
            throw ProblemException.invalid("from", "is required (YYYY-MM-DD)");
        }
        if (days == null || days < 1 || days > 60) {
            throw ProblemException.invalid("workingDays", "must be a whole number from 1 to 60");
        }
        WorkingDayCalendar.Deadline deadline = calendars.calendar().workingDaysAfter(start, days.intValue());
        return new DeadlineView(start, days.intValue(), deadline.date(), deadline.missingYears().stream()
                .map(missing -> "no calendar data for " + missing + ": counted Monday to Friday only").toList());
    }

    @GET
    @Path("{year}")
    @PermitAll
    @Operation(summary = "A year's public holidays and make-up working days (调休上班)")
    public CalendarYear year(@PathParam("year") String year) {
        int number = parseYear(year);
        return calendars.year(number).orElseThrow(() -> ProblemException.notFound("Calendar data for " + number));
    }

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(summary = "Replace a year: holidays must overlap the year, make-up days must be weekend days inside it, no date both")
    public CalendarYear replace(@PathParam("year") String year, @Valid @NotNull YearRequest request) {
        return calendars.replace(user.name(), new CalendarYear(parseYear(year), request.holidays(), request.makeupWorkdays()));
    }

    private static int parseYear(String year) {
        Long number = Params.id("year", year);
        if (number == null || number < 2000 || number > 2100) {
            throw ProblemException.invalid("year", "must be a year from 2000 to 2100");
        }
        return number.intValue();
    }
}
