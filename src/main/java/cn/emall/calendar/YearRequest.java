package cn.emall.calendar;

import cn.emall.calendar.model.HolidayRange;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code PUT /api/v1/calendar/{year}}: the year's holidays and make-up working days. */
@Schema(name = "CalendarYearRequest", description = "A year's State Council arrangement: its holidays and make-up working days")
public record YearRequest(@NotNull @Size(max = 100) List<@NotNull HolidayRange> holidays,
                          @NotNull @Size(max = 100) List<@NotNull LocalDate> makeupWorkdays) {
}
