package cn.emall.calendar;

import cn.emall.calendar.model.CalendarYear;
import cn.emall.calendar.model.HolidayRange;
import cn.emall.calendar.model.UnsupportedYearException;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.Params;
import cn.emall.text.Msg;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @Schema(name = "WorkingDayDeadline", description = "The last day of a period of workingDays working days after from")
    public record DeadlineView(LocalDate from, int workingDays, LocalDate deadline,
                               @JsonInclude(JsonInclude.Include.ALWAYS)
                               @Schema(description = "true when the period runs through a year without a State Council "
                                       + "arrangement: that year was counted on the statutory holidays of 全国年节及纪念日放假办法 "
                                       + "(festivals and their 补假, no make-up working days), so the deadline may still move "
                                       + "when the arrangement is published; false when every year was loaded")
                               boolean provisional,
                               @Schema(description = "One line per year counted on the statutory holidays; absent when none")
                               List<String> warnings) {
    }

    /** Where a year's holidays come from. */
    @Schema(name = "CalendarYearSource", description = "STATE_COUNCIL for a loaded arrangement; STATUTORY for a year without "
            + "one, counted on the statutory holidays")
    public enum YearSource {
        /** The State Council's arrangement (国务院办公厅关于部分节假日安排的通知), shipped or loaded by an officer. */
        STATE_COUNCIL,
        /** No arrangement loaded: the statutory holidays and 补假 computed from the law, no make-up working days. */
        STATUTORY
    }

    @Schema(name = "CalendarYearView", description = "A year of the working-day calendar: its public holidays and make-up "
            + "working days (调休上班)")
    public record YearView(int year,
                           @Schema(description = "STATE_COUNCIL for a loaded arrangement; STATUTORY for a year without one, "
                                   + "whose holidays are the statutory ones computed from 全国年节及纪念日放假办法 (festivals, then "
                                   + "the compensatory days off named 'Compensatory day off 补假 (festival)') and whose deadlines "
                                   + "are provisional")
                           YearSource source, List<HolidayRange> holidays, List<LocalDate> makeupWorkdays) {

        static YearView of(YearSource source, CalendarYear year) {
            return new YearView(year.year(), source, year.holidays(), year.makeupWorkdays());
        }
    }

    @GET
    @Path("deadline")
    @PermitAll
    @Operation(operationId = "getWorkingDayDeadline", summary = "The last day (inclusive, until 24:00 Asia/Shanghai) of a "
            + "period of N working days after 'from' "
            + "(the day of 'from' is not counted); 1 <= workingDays <= 60. A year without a State Council arrangement is "
            + "counted on the statutory holidays, and the answer is provisional, with a warning; a period that runs into a "
            + "year the calendar cannot compute answers 400")
    public DeadlineView deadline(@Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "date"))
                                 @QueryParam("from") String from,
                                 @Parameter(required = true,
                                         schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "60"))
                                 @QueryParam("workingDays") String workingDays) {
        LocalDate start = Params.date("from", from);
        Long days = Params.id("workingDays", workingDays);
        if (start == null) {
            throw ProblemException.invalid("from", Msg.FROM_REQUIRED.with());
        }
        if (days == null || days < 1 || days > 60) {
            throw ProblemException.invalid("workingDays", Msg.WORKING_DAYS_RANGE.with(1, 60));
        }
        WorkingDayCalendar.Deadline deadline;
        try {
            deadline = calendars.calendar().workingDaysAfter(start, days.intValue());
        } catch (UnsupportedYearException e) {
            throw ProblemException.invalid("from", Msg.PERIOD_RUNS_INTO.with(e.text()));
        }
        return new DeadlineView(start, days.intValue(), deadline.date(), deadline.provisional(), deadline.missingYears().stream()
                .map(missing -> "no State Council arrangement for " + missing + ": counted on the statutory holidays, provisional").toList());
    }

    @GET
    @Path("{year}")
    @PermitAll
    @Operation(operationId = "getCalendarYear", summary = "A year's public holidays and make-up working days (调休上班): the State "
            + "Council's arrangement, "
            + "or for a year without one the statutory holidays computed from the law (source STATUTORY)")
    public YearView year(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                         @PathParam("year") String year) {
        CalendarService.Arrangement arrangement = calendars.arrangement(calendars.supportedYear(year));
        return YearView.of(arrangement.statutory() ? YearSource.STATUTORY : YearSource.STATE_COUNCIL, arrangement.year());
    }

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "replaceCalendarYear", summary = "Replace a year: holidays must overlap the year, make-up days "
            + "must be weekend days inside it, no date both. "
            + "Every open notice whose period runs into the year is counted again: a later deadline replaces its deadline, "
            + "an earlier one does not (a published deadline is never shortened); the notice's deadlineNote says which")
    public YearView replace(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                            @PathParam("year") String year,
                            @Valid @NotNull YearRequest request) {
        return YearView.of(YearSource.STATE_COUNCIL,
                calendars.replace(user.name(), new CalendarYear(calendars.supportedYear(year), request.holidays(), request.makeupWorkdays())));
    }
}
