package cn.emall.enforcement.model;

/**
 * The thresholds of the rules, SPEC's values by default.
 *
 * @param zeroSalesYears           years of zero net sales before a delisting notice (连续2年销售业绩为零)
 * @param zeroVolumeMonths         months of zero net volume before a takedown (连续12个月销售量为零)
 * @param appealWorkingDays        working days to appeal a delisting notice (收到通知之日起3个工作日内)
 * @param rectificationWorkingDays working days to answer a rectification notice
 * @param overduePenaltyPoints     credit points deducted for an overdue notice (扣5分)
 * @param suspensionYears          years of suspension after termination
 * @param creditBase               the credit score each evaluation year starts from
 */
public record RuleSettings(int zeroSalesYears, int zeroVolumeMonths, int appealWorkingDays, int rectificationWorkingDays,
                           int overduePenaltyPoints, int suspensionYears, int creditBase) {

    /**
     * SPEC's value of each threshold, the one source of the defaults: {@link #defaults()} reads them,
     * and so does {@code RulesConfig}'s {@code @WithDefault}, which takes a constant string.
     */
    public static final class Defaults {
        public static final String ZERO_SALES_YEARS = "2";
        public static final String ZERO_VOLUME_MONTHS = "12";
        public static final String APPEAL_WORKING_DAYS = "3";
        public static final String RECTIFICATION_WORKING_DAYS = "5";
        public static final String OVERDUE_PENALTY_POINTS = "5";
        public static final String SUSPENSION_YEARS = "1";
        public static final String CREDIT_BASE = "100";

        private Defaults() {
        }
    }

    public static RuleSettings defaults() {
        return new RuleSettings(Integer.parseInt(Defaults.ZERO_SALES_YEARS), Integer.parseInt(Defaults.ZERO_VOLUME_MONTHS),
                Integer.parseInt(Defaults.APPEAL_WORKING_DAYS), Integer.parseInt(Defaults.RECTIFICATION_WORKING_DAYS),
                Integer.parseInt(Defaults.OVERDUE_PENALTY_POINTS), Integer.parseInt(Defaults.SUSPENSION_YEARS),
                Integer.parseInt(Defaults.CREDIT_BASE));
    }
}
