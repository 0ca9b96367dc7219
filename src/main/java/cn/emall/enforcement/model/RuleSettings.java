package cn.emall.enforcement.model;

/**
 * The thresholds of the rules. The {@code DEFAULT_*} constants are SPEC's values and the only place
 * they are written: {@code RulesConfig} takes its defaults from them, and so does {@link #defaults()}.
 *
 * @param zeroSalesYears           years of zero net sales before a delisting notice (连续2年销售业绩为零)
 * @param zeroVolumeMonths         months of zero net volume before a takedown (连续12个月销售量为零)
 * @param appealWorkingDays        working days to appeal a delisting notice (收到通知之日起3个工作日内)
 * @param rectificationWorkingDays working days to answer a rectification notice
 * @param overduePenaltyPoints     credit points deducted for an overdue notice (扣5分)
 * @param suspensionYears          years of suspension after termination
 */
public record RuleSettings(int zeroSalesYears, int zeroVolumeMonths, int appealWorkingDays, int rectificationWorkingDays,
                           int overduePenaltyPoints, int suspensionYears) {

    public static final String DEFAULT_ZERO_SALES_YEARS = "2";
    public static final String DEFAULT_ZERO_VOLUME_MONTHS = "12";
    public static final String DEFAULT_APPEAL_WORKING_DAYS = "3";
    public static final String DEFAULT_RECTIFICATION_WORKING_DAYS = "5";
    public static final String DEFAULT_OVERDUE_PENALTY_POINTS = "5";
    public static final String DEFAULT_SUSPENSION_YEARS = "1";

    public static RuleSettings defaults() {
        return new RuleSettings(Integer.parseInt(DEFAULT_ZERO_SALES_YEARS), Integer.parseInt(DEFAULT_ZERO_VOLUME_MONTHS),
                Integer.parseInt(DEFAULT_APPEAL_WORKING_DAYS), Integer.parseInt(DEFAULT_RECTIFICATION_WORKING_DAYS),
                Integer.parseInt(DEFAULT_OVERDUE_PENALTY_POINTS), Integer.parseInt(DEFAULT_SUSPENSION_YEARS));
    }
}
