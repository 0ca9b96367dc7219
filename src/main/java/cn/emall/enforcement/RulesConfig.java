package cn.emall.enforcement;

import cn.emall.enforcement.model.RuleSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every threshold of the rules, SPEC's values by default ({@link RuleSettings.Defaults}). */
@ConfigMapping(prefix = "emall.rules")
public interface RulesConfig {

    /** Years of zero net sales that earn a supplier a delisting notice. */
    @WithDefault(RuleSettings.Defaults.ZERO_SALES_YEARS)
    int zeroSalesYears();

    /** Months of zero net volume that take a listing down. */
    @WithDefault(RuleSettings.Defaults.ZERO_VOLUME_MONTHS)
    int zeroVolumeMonths();

    /** Working days to appeal a delisting notice, counted from the day after it is received. */
    @WithDefault(RuleSettings.Defaults.APPEAL_WORKING_DAYS)
    int appealWorkingDays();

    /** Working days to answer a rectification notice (relist or withdraw the listing). */
    @WithDefault(RuleSettings.Defaults.RECTIFICATION_WORKING_DAYS)
    int rectificationWorkingDays();

    /** Credit points deducted for a notice not handled by its deadline. */
    @WithDefault(RuleSettings.Defaults.OVERDUE_PENALTY_POINTS)
    int overduePenaltyPoints();

    /** Years a terminated supplier stays suspended. */
    @WithDefault(RuleSettings.Defaults.SUSPENSION_YEARS)
    int suspensionYears();

    /** The credit score every evaluation year starts from. */
    @WithDefault(RuleSettings.Defaults.CREDIT_BASE)
    int creditBase();

    default RuleSettings settings() {
        return new RuleSettings(zeroSalesYears(), zeroVolumeMonths(), appealWorkingDays(), rectificationWorkingDays(),
                overduePenaltyPoints(), suspensionYears(), creditBase());
    }
}
