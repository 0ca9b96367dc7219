package cn.emall.enforcement.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * SPEC step 2 (连续2年销售业绩为零): an ACTIVE supplier admitted at least two years before the run
 * date, with zero net sales over the two years ending the day before, and no live delisting notice,
 * gets a delisting notice. Run on 2024-01-01 the window is 2022-01-01..2023-12-31.
 */
public final class ZeroSalesSupplierRule {

    public static final String NAME = "ZERO_SALES_SUPPLIER";

    /** The notice the rule issues, and the states in which an earlier one keeps a new one from being issued. */
    public static final NoticeKind NOTICE_KIND = NoticeKind.DELISTING;
    public static final Set<NoticeStatus> BLOCKED_BY = NoticeStatus.LIVE_DELISTING;

    private final RuleSettings settings;

    public ZeroSalesSupplierRule(RuleSettings settings) {
        this.settings = settings;
    }

    public Window window(LocalDate runDate) {
        return new Window(runDate.minusYears(settings.zeroSalesYears()), runDate.minusDays(1));
    }

    /** The latest admission date that has been in the e-mall long enough. */
    public LocalDate admittedOnOrBefore(LocalDate runDate) {
        return runDate.minusYears(settings.zeroSalesYears());
    }

    /** {@code hasLiveDelistingNotice}: the supplier has a delisting notice in one of {@link #BLOCKED_BY}. */
    public boolean applies(LocalDate admittedOn, BigDecimal netSalesInWindow, boolean hasLiveDelistingNotice, LocalDate runDate) {
        return admittedOn != null && !admittedOn.isAfter(admittedOnOrBefore(runDate))
                && netSalesInWindow.signum() == 0 && !hasLiveDelistingNotice;
    }
}
