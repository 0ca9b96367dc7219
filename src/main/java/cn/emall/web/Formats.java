package cn.emall.web;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the pages write instants (dates are LocalDates, written YYYY-MM-DD as they are). */
public final class Formats {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private Formats() {
    }

    /** 2024-01-03T15:00:00+08:00: an Atom date (RFC 3339, whole seconds). */
    @TemplateExtension
    static String rfc3339(OffsetDateTime instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).format(RFC_3339);
    }

    /** ¥1,299.00; a return's -¥1,299.00: money as the pages write it (yuan, thousands grouped, two decimals). */
    @TemplateExtension
    public static String yuan(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** 2024-01-03 15:00, for a reader (not {@code minute}, which is OffsetDateTime.getMinute()). */
    @TemplateExtension
    static String toMinute(OffsetDateTime instant) {
        return instant.format(MINUTE);
    }
}
