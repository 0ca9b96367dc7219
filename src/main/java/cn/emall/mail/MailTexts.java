package cn.emall.mail;

import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.RuleSettings;
import cn.emall.enforcement.model.ZeroSalesSupplierRule;
import cn.emall.enforcement.model.ZeroVolumeProductRule;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the e-mails say, in Chinese: what happened, the rule and its window, the deadline (the last
 * day, until 24:00 Asia/Shanghai) and how to appeal or respond. A notice's own subject and body
 * ({@code enforcement.NoticeTexts}, as the notice carries them) are quoted, not written again.
 */
final class MailTexts {

    /** The language of the e-mails. */
    static final Locale LANGUAGE = Catalogue.CHINESE;

    /** An e-mail's subject line and plain-text body. */
    record Written(String subject, String body) {
    }

    /** Who the e-mail is to. */
    record Recipient(String name, String creditCode, String address) {
    }

    /** A notice as the e-mail tells of it; window dates null when its rule has no window. */
    record NoticeFacts(long id, NoticeKind kind, String rule, LocalDate noticeDate, LocalDate deadline, int workingDays,
                       Long productId, String subject, String body, LocalDate windowFrom, LocalDate windowTo,
                       boolean deadlineProvisional) {
    }

    private final String siteName;
    private final String signature;
    private final RuleSettings rules;

    MailTexts(String siteName, String signature, RuleSettings rules) {
        this.siteName = siteName;
        this.signature = signature;
        this.rules = rules;
    }

    /** A notice issued: delisting (清退公示), rectification (整改下架) or processing (处理通知). */
    Written noticeIssued(Recipient to, NoticeFacts notice) {
        Text kind = kindName(notice.kind());
        List<String> facts = new ArrayList<>();
        facts.add(say(Msg.MAIL_FACT_NOTICE.with(notice.id(), kind)));
        facts.add(say(Msg.MAIL_FACT_NOTICE_DATE.with(notice.noticeDate())));
        facts.add(say(Msg.MAIL_FACT_RULE.with(ruleOf(notice))));
        if (notice.windowFrom() != null && notice.windowTo() != null) {
            facts.add(say(Msg.MAIL_FACT_WINDOW.with(notice.windowFrom(), notice.windowTo())));
        }
        facts.add(say((notice.kind() == NoticeKind.DELISTING ? Msg.MAIL_FACT_APPEAL_PERIOD : Msg.MAIL_FACT_RESPONSE_PERIOD)
                .with(notice.workingDays())));
        facts.add(say(Msg.MAIL_FACT_DEADLINE.with(notice.deadline())));
        if (notice.deadlineProvisional()) {
            facts.add(say(Msg.MAIL_FACT_DEADLINE_PROVISIONAL.with()));
        }
        Text howTo = switch (notice.kind()) {
            case DELISTING -> Msg.MAIL_HOW_TO_APPEAL.with(notice.id());
            case RECTIFICATION -> Msg.MAIL_HOW_TO_RECTIFY.with(notice.productId());
            case PROCESSING -> Msg.MAIL_HOW_TO_RESPOND.with(notice.id());
        };
        return letter(to, notice.subject(), List.of(
                say(Msg.MAIL_NOTICE_INTRO.with(kind)),
                indent(notice.subject()) + "\n" + indent(notice.body()),
                say(Msg.MAIL_FACTS.with()) + "\n" + String.join("\n", facts.stream().map(fact -> "· " + fact).toList()),
                say(howTo)));
    }

    /** An application approved (入驻) or rejected, with the officer's reason. */
    Written applicationDecided(Recipient to, boolean admitted, LocalDate admittedOn, String reason) {
        List<String> paragraphs = new ArrayList<>();
        if (admitted) {
            paragraphs.add(say(Msg.MAIL_ADMITTED_BODY.with(to.creditCode(), admittedOn)));
        } else {
            paragraphs.add(say(Msg.MAIL_REJECTED_BODY.with(to.creditCode())));
        }
        if (reason != null && !reason.isBlank()) {
            paragraphs.add(say(Msg.MAIL_DECISION_REASON.with(reason.trim())));
        }
        paragraphs.add(admitted
                ? say(Msg.MAIL_ADMITTED_RULES.with(rules.zeroSalesYears(), rules.zeroVolumeMonths(), rules.overduePenaltyPoints()))
                : say(Msg.MAIL_REJECTED_NEXT.with()));
        return letter(to, say((admitted ? Msg.MAIL_ADMITTED_TITLE : Msg.MAIL_REJECTED_TITLE).with()), paragraphs);
    }

    /** The decision on an appeal against a delisting notice. */
    Written appealDecided(Recipient to, long noticeId, long appealId, boolean accepted, String reason) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(accepted
                ? say(Msg.MAIL_APPEAL_ACCEPTED_BODY.with(noticeId, appealId))
                : say(Msg.MAIL_APPEAL_REJECTED_BODY.with(noticeId, appealId, rules.suspensionYears())));
        if (reason != null && !reason.isBlank()) {
            paragraphs.add(say(Msg.MAIL_DECISION_REASON.with(reason.trim())));
        }
        paragraphs.add(say(Msg.MAIL_QUESTIONS.with(signature)));
        return letter(to, say((accepted ? Msg.MAIL_APPEAL_ACCEPTED_TITLE : Msg.MAIL_APPEAL_REJECTED_TITLE).with(noticeId)),
                paragraphs);
    }

    /** The termination (清退) on a lapsed delisting notice, and when the supplier may apply again. */
    Written terminated(Recipient to, long noticeId, LocalDate terminatedOn, LocalDate suspendedUntil, LocalDate mayApplyFrom) {
        return letter(to, say(Msg.MAIL_TERMINATED_TITLE.with()), List.of(
                say(Msg.MAIL_TERMINATED_BODY.with(noticeId, terminatedOn)),
                say(Msg.MAIL_TERMINATED_SUSPENSION.with(suspendedUntil, mayApplyFrom)),
                say(Msg.MAIL_QUESTIONS.with(signature))));
    }

    private Written letter(Recipient to, String title, List<String> paragraphs) {
        List<String> parts = new ArrayList<>();
        parts.add(say(Msg.MAIL_GREETING.with(to.name())));
        parts.addAll(paragraphs);
        parts.add(say(Msg.MAIL_SIGNED.with(signature)));
        parts.add(say(Msg.MAIL_FOOTER.with()));
        return new Written(say(Msg.MAIL_SUBJECT.with(siteName, title)), String.join("\n\n", parts) + "\n");
    }

    private Text ruleOf(NoticeFacts notice) {
        if (notice.kind() == NoticeKind.PROCESSING || notice.rule() == null) {
            return Msg.MAIL_RULE_PROCESSING.with(rules.overduePenaltyPoints());
        }
        return switch (notice.rule()) {
            case ZeroSalesSupplierRule.NAME -> Msg.MAIL_RULE_ZERO_SALES_SUPPLIER.with(rules.zeroSalesYears());
            case ZeroVolumeProductRule.NAME -> Msg.MAIL_RULE_ZERO_VOLUME_PRODUCT.with(rules.zeroVolumeMonths());
            default -> Msg.MAIL_RULE_OFFICER_TAKEDOWN.with();
        };
    }

    private static Text kindName(NoticeKind kind) {
        return switch (kind) {
            case DELISTING -> Msg.MAIL_KIND_DELISTING.with();
            case RECTIFICATION -> Msg.MAIL_KIND_RECTIFICATION.with();
            case PROCESSING -> Msg.MAIL_KIND_PROCESSING.with();
        };
    }

    private static String indent(String text) {
        return "    " + text.strip().replace("\n", "\n    ");
    }

    private static String say(Text text) {
        return text.in(LANGUAGE);
    }
}
