package cn.emall.calendar;

import cn.emall.platform.web.JsonText;
import cn.emall.audit.AuditTrail;
import cn.emall.calendar.model.CalendarData;
import cn.emall.calendar.model.CalendarYear;
import cn.emall.calendar.lunar.Time4jLunarCalendar;
import cn.emall.calendar.model.HolidayRange;
import cn.emall.calendar.model.StatutoryHolidays;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.Params;
import cn.emall.text.Msg;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The working-day calendar as data (SPEC "Working-day calendar"): the shipped State Council
 * arrangements are loaded on first start; officers replace a year. Read from the database each
 * time, so that every instance sees a replacement at once. A year without an arrangement is
 * counted on the statutory holidays ({@link StatutoryHolidays}); loading one fires
 * {@link CalendarYearLoaded} so that the deadlines counted on the fallback are revised.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    private static final String SHIPPED = "/calendar/cn-2023-2026.json";
    private static final TypeReference<List<HolidayRange>> HOLIDAYS = new TypeReference<>() {
    };
    private static final TypeReference<List<LocalDate>> DATES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final JsonText json;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Event<CalendarYearLoaded> loaded;
    private final StatutoryHolidays statutory = new StatutoryHolidays(new Time4jLunarCalendar());

    public CalendarService(EntityManager em, JsonText json, AuditTrail audit, BusinessDates dates,
                           Event<CalendarYearLoaded> loaded) {
        this.em = em;
        this.json = json;
        this.audit = audit;
        this.dates = dates;
        this.loaded = loaded;
    }

    @Transactional
    void loadShippedYears(@Observes StartupEvent event) {
        try (InputStream in = CalendarService.class.getResourceAsStream(SHIPPED)) {
            for (CalendarYear year : CalendarData.parse(in)) {
                int inserted = em.createNativeQuery("insert into calendar_year (year, holidays, makeup_workdays, updated_at, updated_by) "
                                + "values (?1, cast(?2 as jsonb), cast(?3 as jsonb), ?4, 'shipped') on conflict (year) do nothing")
                        .setParameter(1, year.year())
                        .setParameter(2, json.write(year.holidays()))
                        .setParameter(3, json.write(year.makeupWorkdays()))
                        .setParameter(4, Timestamp.from(dates.now()))
                        .executeUpdate();
                if (inserted > 0) {
                    LOG.infof("Loaded the shipped calendar for %d", year.year());
                    loaded.fire(loadedEvent("shipped", null, year));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public WorkingDayCalendar calendar() {
        return new WorkingDayCalendar(years(), statutory);
    }

    /** The statutory holidays, for the years without an arrangement. */
    public StatutoryHolidays statutory() {
        return statutory;
    }

    @Transactional
    public List<CalendarYear> years() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select year, cast(holidays as text), cast(makeup_workdays as text) "
                + "from calendar_year order by year").getResultList();
        List<CalendarYear> years = new ArrayList<>();
        for (Object[] row : rows) {
            years.add(new CalendarYear(((Number) row[0]).intValue(), json.read((String) row[1], HOLIDAYS), json.read((String) row[2], DATES)));
        }
        return years;
    }

    public Optional<CalendarYear> year(int year) {
        return years().stream().filter(y -> y.year() == year).findFirst();
    }

    /** Replaces a year's data after checking it (dates inside the year, make-up days on weekends, no date both). */
    @Transactional
    public CalendarYear replace(String actor, CalendarYear year) {
        List<InvalidField> errors = year.violations().stream().map(v -> new InvalidField(v.field(), v.message())).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<CalendarYear> before = year(year.year());
        em.createNativeQuery("insert into calendar_year (year, holidays, makeup_workdays, updated_at, updated_by) "
                        + "values (?1, cast(?2 as jsonb), cast(?3 as jsonb), ?4, ?5) on conflict (year) do update set "
                        + "holidays = excluded.holidays, makeup_workdays = excluded.makeup_workdays, "
                        + "updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .setParameter(1, year.year())
                .setParameter(2, json.write(year.holidays()))
                .setParameter(3, json.write(year.makeupWorkdays()))
                .setParameter(4, Timestamp.from(dates.now()))
                .setParameter(5, actor)
                .executeUpdate();
        audit.record(actor, "CALENDAR_REPLACED", AuditTrail.subject("calendar", year.year()), before.orElse(null), year);
        loaded.fire(loadedEvent(actor, before.orElse(null), year));
        return year;
    }

    private static CalendarYearLoaded loadedEvent(String actor, CalendarYear before, CalendarYear after) {
        List<HolidayRange> ranges = Stream.concat(before == null ? Stream.empty() : before.holidays().stream(),
                after.holidays().stream()).toList();
        LocalDate from = ranges.stream().map(HolidayRange::from).reduce(LocalDate.of(after.year(), 1, 1),
                (a, b) -> a.isBefore(b) ? a : b);
        LocalDate to = ranges.stream().map(HolidayRange::to).reduce(LocalDate.of(after.year(), 12, 31),
                (a, b) -> a.isAfter(b) ? a : b);
        return new CalendarYearLoaded(actor, after.year(), from, to);
    }

    /** A year's holidays: the State Council's arrangement, or for a year without one the statutory holidays (provisional). */
    public record Arrangement(CalendarYear year, boolean statutory) {
    }

    public Arrangement arrangement(int year) {
        return year(year).map(loaded -> new Arrangement(loaded, false))
                .orElseGet(() -> new Arrangement(statutory.year(year), true));
    }

    /** The year named, refused unless it is a whole number among the years the calendar computes (2014-2100). */
    public int supportedYear(String year) {
        Long number = Params.id("year", year);
        if (number == null || number < statutory.firstYear() || number > statutory.lastYear()) {
            throw ProblemException.invalid("year", number == null
                    ? Msg.YEAR_RANGE.with(statutory.firstYear(), statutory.lastYear())
                    : Msg.YEAR_RANGE_OUTSIDE.with(statutory.firstYear(), statutory.lastYear(), number));
        }
        return number.intValue();
    }

    /** Years among this one and the next without an arrangement: deadlines there are provisional. */
    public List<Integer> missingNearYears() {
        WorkingDayCalendar calendar = calendar();
        int thisYear = dates.today().getYear();
        return List.of(thisYear, thisYear + 1).stream().filter(y -> !calendar.hasYear(y)).toList();
    }
}
