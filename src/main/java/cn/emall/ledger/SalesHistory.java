package cn.emall.ledger;

import cn.emall.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A supplier's net sales month by month, as the rules count them (a return against the day of the sale
 * it refers to), read from the sales facts: one index range of {@code sales_daily}, never the ledger.
 */
@ApplicationScoped
public class SalesHistory {

    /** One month's net sales. */
    public record Month(YearMonth month, BigDecimal netAmount) {
    }

    private final Jdbc jdbc;

    public SalesHistory(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every month from {@code first} to {@code last}, a month without sales as zero. */
    public List<Month> monthly(long supplierId, YearMonth first, YearMonth last) {
        Map<YearMonth, BigDecimal> sums = new HashMap<>();
        jdbc.list("select date_trunc('month', day)::date, sum(net_amount) from sales_daily "
                        + "where supplier_id = ? and day between ? and ? group by 1",
                rs -> new Month(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2)),
                supplierId, first.atDay(1), last.atEndOfMonth())
                .forEach(month -> sums.put(month.month(), month.netAmount()));
        List<Month> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(new Month(month, sums.getOrDefault(month, BigDecimal.ZERO.setScale(2))));
        }
        return months;
    }
}
