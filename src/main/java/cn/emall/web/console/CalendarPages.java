package cn.emall.web.console;

import cn.emall.calendar.CalendarService;
import cn.emall.calendar.YearRequest;
import cn.emall.calendar.model.CalendarYear;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.error.ProblemMappers;
import cn.emall.platform.time.BusinessDates;
import cn.emall.text.Msg;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * 日历: a year of the working-day calendar at a glance, twelve months with its holidays, make-up
 * working days and (for a year without a State Council arrangement) the provisional statutory days;
 * and replacing a year with the data {@code PUT /api/v1/calendar/{year}} takes, read and checked as
 * that endpoint reads and checks it, through {@link CalendarService#replace}.
 */
@Path("/console/calendar")
@PermitAll
@SignedIn
public class CalendarPages {

    @CheckedTemplate(basePath = "console/calendar")
    static class Templates {
        static native TemplateInstance year(CalendarPage page);
    }

    private final CalendarService calendars;
    private final BusinessDates dates;
    private final ObjectMapper json;
    private final FormValidation forms;
    private final ConsoleSession console;

    public CalendarPages(CalendarService calendars, BusinessDates dates, ObjectMapper json, FormValidation forms,
                         ConsoleSession console) {
        this.calendars = calendars;
        this.dates = dates;
        this.json = json;
        this.forms = forms;
        this.console = console;
    }

    /** This year, or the year asked for. */
    @GET
    public Response year(@QueryParam("year") String year) {
        int shown = year == null || year.isBlank() ? dates.today().getYear() : calendars.supportedYear(year);
        return ConsolePages.page(Templates.year(page(shown, null, FormErrors.NONE)));
    }

    /** The year replaced with the JSON pasted or uploaded: {"holidays": [{name, from, to}], "makeupWorkdays": [date]}. */
    @POST
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replace(@PathParam("year") String year, @FormParam("data") String data) {
        int replaced = calendars.supportedYear(year);
        try {
            YearRequest request = forms.checked(read(data));
            calendars.replace(console.officer(), new CalendarYear(replaced, request.holidays(), request.makeupWorkdays()));
            return ConsolePages.seeOther("/console/calendar?year=" + replaced + "&replaced=1");
        } catch (ProblemException e) {
            return ConsolePages.page(e.status(), Templates.year(page(replaced, data, FormErrors.of(e))));
        }
    }

    private YearRequest read(String data) {
        if (data == null || data.isBlank()) {
            throw ProblemException.invalid("data", Msg.CONSOLE_CALENDAR_DATA_REQUIRED.with());
        }
        try {
            YearRequest request = json.readValue(data, YearRequest.class);
            if (request == null) {
                throw ProblemException.invalid("data", Msg.CONSOLE_CALENDAR_DATA_REQUIRED.with());
            }
            return request;
        } catch (JsonProcessingException e) {
            throw ProblemMappers.problemOf(e);
        }
    }

    private CalendarPage page(int year, String typed, FormErrors errors) {
        CalendarService.Arrangement arrangement = calendars.arrangement(year);
        WorkingDayCalendar calendar = calendars.calendar();
        String data = typed != null ? typed : write(new YearRequest(arrangement.year().holidays(), arrangement.year().makeupWorkdays()));
        return CalendarPage.of(arrangement, calendar, dates.today(), calendars.missingNearYears(), data, errors);
    }

    private String write(YearRequest request) {
        try {
            return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
