package cn.emall.enforcement.model;

import java.time.LocalDate;

/**
 * SPEC step 3 (连续12个月销售量为零): a LISTED product listed at least 12 months before the run date
 * (relisting restarts the count) with zero net quantity over the 12 months ending the day before is
 * taken down, and its supplier gets a rectification notice.
 */
public final class ZeroVolumeProductRule {

    public static final String NAME = "ZERO_VOLUME_PRODUCT";

    private final RuleSettings settings;

    public ZeroVolumeProductRule(RuleSettings settings) {
        this.settings = settings;
    }

    public Window window(LocalDate runDate) {
        return new Window(runDate.minusMonths(settings.zeroVolumeMonths()), runDate.minusDays(1));
    }

    public LocalDate listedOnOrBefore(LocalDate runDate) {
        return runDate.minusMonths(settings.zeroVolumeMonths());
    }

    public boolean applies(LocalDate listedOn, long netQuantityInWindow, LocalDate runDate) {
        return !listedOn.isAfter(listedOnOrBefore(runDate)) && netQuantityInWindow == 0;
    }
}
