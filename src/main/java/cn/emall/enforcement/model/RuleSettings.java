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

    public static RuleSettings defaults() {
        return new RuleSettings(2, 12, 3, 5, 5, 1, 100);
    }
}
