package cn.emall.enforcement;

import cn.emall.enforcement.model.RuleSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every threshold of the rules, SPEC's values ({@link RuleSettings}'s defaults) unless configured. */
@ConfigMapping(prefix = "emall.rules")
public interface RulesConfig {

    /** Years of zero net sales that earn a supplier a delisting notice. */
    @WithDefault(RuleSettings.DEFAULT_ZERO_SALES_YEARS)
    int zeroSalesYears();

    /** Months of zero net volume that take a listing down. */
    @WithDefault(RuleSettings.DEFAULT_ZERO_VOLUME_MONTHS)
    int zeroVolumeMonths();

    /** Working days to appeal a delisting notice, counted from the day after it is received. */
    @WithDefault(RuleSettings.DEFAULT_APPEAL_WORKING_DAYS)
    int appealWorkingDays();

    /** Working days to answer a rectification notice (relist or withdraw the listing). */
    @WithDefault(RuleSettings.DEFAULT_RECTIFICATION_WORKING_DAYS)
    int rectificationWorkingDays();

    /** Credit points deducted for a notice not handled by its deadline. */
    @WithDefault(RuleSettings.DEFAULT_OVERDUE_PENALTY_POINTS)
    int overduePenaltyPoints();

    /** Years a terminated supplier stays suspended. */
    @WithDefault(RuleSettings.DEFAULT_SUSPENSION_YEARS)
    int suspensionYears();

    default RuleSettings settings() {
        return new RuleSettings(zeroSalesYears(), zeroVolumeMonths(), appealWorkingDays(), rectificationWorkingDays(),
                overduePenaltyPoints(), suspensionYears());
    }
}
