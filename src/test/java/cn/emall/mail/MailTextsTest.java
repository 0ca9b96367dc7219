package cn.emall.mail;

import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.RuleSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each e-mail tells the supplier: what happened, the rule and window, the deadline, and what to do. */
class MailTextsTest {

    private static final MailTexts TEXTS = new MailTexts("政府采购电子卖场", "电子卖场运营管理机构", RuleSettings.defaults());
    private static final MailTexts.Recipient TO = new MailTexts.Recipient("鄂尔多斯市恒通商贸有限公司", "91150102MA0N3K7DXC",
            "sales@example.cn");

    @Test
    void aRectificationNoticeNamesTheRuleTheWindowTheDeadlineAndBothWaysToAnswerIt() {
        MailTexts.Written mail = TEXTS.noticeIssued(TO, new MailTexts.NoticeFacts(41, NoticeKind.RECTIFICATION,
                "ZERO_VOLUME_PRODUCT", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 10), 5, 1042L,
                "整改通知: 得力 DL-2024", "您的商品「得力 DL-2024」已整改下架。", LocalDate.of(2024, 3, 3),
                LocalDate.of(2025, 3, 2), false));
        assertEquals("【政府采购电子卖场】整改通知: 得力 DL-2024", mail.subject());
        assertTrue(mail.body().contains("依据：运营管理机构关于零销量商品的通知：连续12个月销售量为零的商品，予以整改下架"), mail.body());
        assertTrue(mail.body().contains("考核期：2024-03-03 至 2025-03-02"), mail.body());
        assertTrue(mail.body().contains("处理期限：自通知之日起5个工作日内"), mail.body());
        assertTrue(mail.body().contains("截止时间：2025-03-10 24:00（北京时间）"), mail.body());
        assertTrue(mail.body().contains("POST /api/v1/products/1042/relist") && mail.body().contains("/api/v1/products/1042/withdraw"));
        assertFalse(mail.body().contains("暂按法定节假日"), "a deadline on a published arrangement is not provisional");
    }

    @Test
    void aProcessingNoticeSaysWhatLatenessCostsAndAProvisionalDeadlineSaysSo() {
        MailTexts.Written mail = TEXTS.noticeIssued(TO, new MailTexts.NoticeFacts(7, NoticeKind.PROCESSING, null,
                LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 6), 5, null, "补充资质材料", "请补充上传有效期内的营业执照。",
                null, null, true));
        assertTrue(mail.body().contains("信用考评管理规则：未在规定时间处理和反馈的，记失信1次并扣5分"), mail.body());
        assertTrue(mail.body().contains("POST /api/v1/notices/7/response"), mail.body());
        assertFalse(mail.body().contains("考核期"), "a processing notice has no window");
        assertTrue(mail.body().contains("暂按法定节假日计算"), mail.body());
    }

    @Test
    void decisionsGiveTheOfficersReasonAndWhatFollows() {
        MailTexts.Written rejected = TEXTS.applicationDecided(TO, false, null, "营业执照已过有效期");
        assertEquals("【政府采购电子卖场】入驻申请未通过", rejected.subject());
        assertTrue(rejected.body().contains("审核意见：营业执照已过有效期") && rejected.body().contains("重新提交入驻申请"));

        MailTexts.Written appeal = TEXTS.appealDecided(TO, 12, 3, false, "台账无遗漏");
        assertEquals("【政府采购电子卖场】申诉不成立（通知 #12）", appeal.subject());
        assertTrue(appeal.body().contains("1年内不得再次申请入驻") && appeal.body().contains("审核意见：台账无遗漏"), appeal.body());

        MailTexts.Written terminated = TEXTS.terminated(TO, 12, LocalDate.of(2024, 1, 5), LocalDate.of(2025, 1, 5),
                LocalDate.of(2025, 1, 6));
        assertTrue(terminated.body().contains("自 2024-01-05 起终止贵单位的入驻协议") && terminated.body().contains("禁入期至 2025-01-05")
                && terminated.body().contains("自 2025-01-06 起"), terminated.body());
        assertTrue(terminated.body().startsWith("鄂尔多斯市恒通商贸有限公司：") && terminated.body().contains("此致\n电子卖场运营管理机构"));
    }
}
