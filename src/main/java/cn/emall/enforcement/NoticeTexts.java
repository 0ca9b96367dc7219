package cn.emall.enforcement;

import cn.emall.enforcement.model.Window;

import java.time.LocalDate;

/**
 * What suppliers read: the subjects and bodies of the notices the rules issue, and the reason of a
 * credit deduction, each written once. A deadline is the last day, until 24:00 Asia/Shanghai.
 */
public final class NoticeTexts {

    private NoticeTexts() {
    }

    public static String delistingSubject(int zeroSalesYears) {
        return "清退公示: 连续" + zeroSalesYears + "年销售业绩为零";
    }

    public static String delistingBody(Window window, LocalDate deadline, int appealWorkingDays) {
        return "经核查，贵单位在" + window.from() + "至" + window.to() + "期间销售业绩为零。根据电子卖场管理办法，拟终止入驻协议并予以清退。"
                + "如有异议，请自收到本通知之日起" + appealWorkingDays + "个工作日内（截至" + deadline
                + "日24时）提出申诉并提供证明材料；逾期未申诉或申诉不成立的，将终止入驻协议，一年内不得再次申请入驻。";
    }

    /** Why the nightly run took a listing down (连续12个月销售量为零). */
    public static String zeroVolumeReason(int months, Window window) {
        return "连续" + months + "个月销售量为零（" + window.from() + "至" + window.to() + "）";
    }

    /**
     * A rectification notice names the listing ({@code brand model}), which the database fills in
     * for many listings at once: its subject is {@code subjectBefore + listing}, its body
     * {@code bodyBefore + listing + bodyAfter} ({@link Notices#issueRectifications}).
     */
    public record Rectification(String subjectBefore, String bodyBefore, String bodyAfter) {

        public static Rectification of(String reason, LocalDate deadline, int penaltyPoints) {
            return new Rectification("整改通知: ", "您的商品「",
                    "」已整改下架，原因：" + reason + "。请于" + deadline + "日24时前按品目标准参数体系修正后重新上架，或撤回该商品；"
                            + "逾期未处理的，将记失信1次并扣" + penaltyPoints + "分。");
        }
    }

    public static String overdueCreditReason(long noticeId, LocalDate deadline, int penaltyPoints) {
        return "记失信1次: 通知 #" + noticeId + " 未在规定时间(截至" + deadline + ")处理和反馈，扣" + penaltyPoints + "分，责令纠正";
    }
}
