package cn.emall.enforcement;

import cn.emall.enforcement.model.RuleSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every threshold of the rules, SPEC's values by default. */
@ConfigMapping(prefix = "emall.rules")
public interface RulesConfig {

    /** Years of zero net sales that earn a supplier a delisting notice. */
    @WithDefault("2")
    int zeroSalesYears();

    /** Months of zero net volume that take a listing down. */
    @WithDefault("12")
    int zeroVolumeMonths();

    /** Working days to appeal a delisting notice, counted from the day after it is received. */
    @WithDefault("3")
    int appealWorkingDays();

    /** Working days to answer a rectification notice (relist or withdraw the listing). */
    @WithDefault("5")
    int rectificationWorkingDays();

    /** Credit points deducted for a notice not handled by its deadline. */
    @WithDefault("5")
    int overduePenaltyPoints();

    /** Years a terminated supplier stays suspended. */
    @WithDefault("1")
    int suspensionYears();

    /** The credit score every evaluation year starts from. */
    @WithDefault("100")
    int creditBase();

    default RuleSettings settings() {
        return new RuleSettings(zeroSalesYears(), zeroVolumeMonths(), appealWorkingDays(), rectificationWorkingDays(),
                overduePenaltyPoints(), suspensionYears(), creditBase());
    }
}
