package cn.emall.web.console;

import cn.emall.ledger.SalesHistory;
import cn.emall.web.Formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Net sales per month as a bar chart drawn by the server (SVG): the geometry of each bar and of the
 * axis, so that the template only writes it out. Its numbers are the sales facts' sums as they are.
 */
public record SalesChart(List<Bar> bars, List<Tick> ticks, BigDecimal total, int width, int height) {

    /** The plot's margins and size, in SVG user units. */
    static final int LEFT = 92;
    static final int TOP = 12;
    static final int PLOT_HEIGHT = 180;
    static final int BAR_STEP = 22;
    static final int BOTTOM = 40;

    /** One month: its bar's place and size, and its label under the axis (every sixth month). */
    public record Bar(String month, String amount, double x, double y, double barWidth, double barHeight, String label) {
    }

    /** A line across the plot at a round amount, labelled on the left. */
    public record Tick(double y, String label) {

        public double labelY() {
            return y + 4;
        }
    }

    public static SalesChart of(List<SalesHistory.Month> months) {
        BigDecimal max = months.stream().map(SalesHistory.Month::netAmount).reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal top = roundUp(max);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            SalesHistory.Month month = months.get(i);
            double height = top.signum() == 0 ? 0 : month.netAmount().divide(top, 6, RoundingMode.HALF_UP).doubleValue() * PLOT_HEIGHT;
            double x = LEFT + i * BAR_STEP + 3;
            bars.add(new Bar(month.month().toString(), Formats.yuan(month.netAmount()), x, TOP + PLOT_HEIGHT - height,
                    BAR_STEP - 6, height, month.month().getMonthValue() % 6 == 1 ? month.month().toString() : null));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            BigDecimal amount = top.multiply(BigDecimal.valueOf(step)).divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
            ticks.add(new Tick(TOP + PLOT_HEIGHT - PLOT_HEIGHT * step / 4.0, Formats.yuan(amount)));
        }
        BigDecimal total = months.stream().map(SalesHistory.Month::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new SalesChart(bars, ticks, total, LEFT + months.size() * BAR_STEP + 8, TOP + PLOT_HEIGHT + BOTTOM);
    }

    public String totalAmount() {
        return Formats.yuan(total);
    }

    public boolean empty() {
        return total.signum() == 0;
    }

    public int plotBottom() {
        return TOP + PLOT_HEIGHT;
    }

    public int tickX() {
        return LEFT - 6;
    }

    public int monthLabelY() {
        return TOP + PLOT_HEIGHT + 18;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return width - 4;
    }

    /** The axis' top: the largest month rounded up to 1, 2 or 5 times a power of ten (¥0 when none sold). */
    static BigDecimal roundUp(BigDecimal max) {
        if (max.signum() <= 0) {
            return BigDecimal.ONE;
        }
        BigDecimal power = BigDecimal.ONE;
        while (power.multiply(BigDecimal.TEN).compareTo(max) < 0) {
            power = power.multiply(BigDecimal.TEN);
        }
        for (int factor : new int[]{1, 2, 5, 10}) {
            BigDecimal candidate = power.multiply(BigDecimal.valueOf(factor));
            if (candidate.compareTo(max) >= 0) {
                return candidate;
            }
        }
        return power.multiply(BigDecimal.TEN);
    }
}
