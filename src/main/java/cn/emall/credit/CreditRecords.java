package cn.emall.credit;

import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A supplier's credit record (信用考评): each evaluation year starts at {@code emall.credit.base} on
 * 1 January, and every deduction of the year counts against it. Read by the API and the console alike.
 */
@ApplicationScoped
public class CreditRecords {

    @Schema(name = "CreditEntry", description = "One deduction from a supplier's credit score: the day, the points (negative), "
            + "why, and the notice it came from")
    public record Entry(LocalDate date, int points, String reason,
                        @Schema(nullable = true, description = "The notice the deduction came from; null when "
                                + "none") Long noticeId) {
    }

    /** {@code entries} are the current evaluation year's; {@code history} holds every entry of every year. */
    @Schema(name = "CreditRecord", description = "A supplier's credit record (信用考评): the score of the current evaluation year, "
            + "its deductions, and every deduction of every year")
    public record Credit(long supplierId, int year, int base, int score, List<Entry> entries, List<Entry> history) {

        /** Every earlier year that had deductions, newest first, with its score and its entries. */
        public List<YearScore> earlierYears() {
            Map<Integer, List<Entry>> byYear = history.stream().filter(entry -> entry.date().getYear() < year)
                    .collect(Collectors.groupingBy(entry -> entry.date().getYear(), TreeMap::new, Collectors.toList()));
            return ((TreeMap<Integer, List<Entry>>) byYear).descendingMap().entrySet().stream()
                    .map(year -> new YearScore(year.getKey(), CreditRecords.score(base, year.getValue()), year.getValue())).toList();
        }
    }

    /** One evaluation year's score and its deductions. */
    public record YearScore(int year, int score, List<Entry> entries) {
    }

    private final Jdbc jdbc;
    private final CreditConfig config;
    private final BusinessDates dates;

    public CreditRecords(Jdbc jdbc, CreditConfig config, BusinessDates dates) {
        this.jdbc = jdbc;
        this.config = config;
        this.dates = dates;
    }

    /** The supplier's record as of today; 404 for an unknown supplier. */
    public Credit of(long supplierId) {
        if (jdbc.count("select count(*) from supplier where id = ?", supplierId) == 0) {
            throw ProblemException.notFound(Msg.THE_SUPPLIER.with(supplierId));
        }
        int year = dates.today().getYear();
        List<Entry> history = jdbc.list("select entry_date, points, reason, notice_id from credit_entry where supplier_id = ? "
                + "order by entry_date, id", rs -> {
            long notice = rs.getLong(4);
            Long noticeId = rs.wasNull() ? null : notice;
            return new Entry(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3), noticeId);
        }, supplierId);
        List<Entry> entries = history.stream().filter(e -> e.date().getYear() == year).toList();
        return new Credit(supplierId, year, config.base(), score(config.base(), entries), entries, history);
    }

    /** A year's score: the base less its deductions (whose points are negative). */
    private static int score(int base, List<Entry> entries) {
        return base + entries.stream().mapToInt(Entry::points).sum();
    }
}
