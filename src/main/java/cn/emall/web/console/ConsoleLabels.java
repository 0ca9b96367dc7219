package cn.emall.web.console;

import cn.emall.catalog.model.ParameterType;
import cn.emall.enforcement.AppealView;
import cn.emall.enforcement.NoticeView;
import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.enforcement.model.LapsedNoticeRule;
import cn.emall.enforcement.model.OverdueNoticeRule;
import cn.emall.enforcement.model.ZeroSalesSupplierRule;
import cn.emall.enforcement.model.ZeroVolumeProductRule;
import cn.emall.enforcement.run.ReportDownloads;
import cn.emall.enforcement.run.RunReport;
import cn.emall.supplier.model.Suspension;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import cn.emall.web.Labels;
import io.quarkus.qute.TemplateExtension;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the console's run, notice and appeal pages name rules, actions and states in Chinese (清退公示,
 * 整改下架, 信用扣分...), from the catalogue: the templates ask for {@code {a.ruleLabel}}, never spell a
 * label themselves.
 */
public final class ConsoleLabels {

    private static final Map<String, Msg> RULE_BASIS = Map.of(
            LapsedNoticeRule.NAME, Msg.RULE_LAPSED_NOTICE_BASIS,
            ZeroSalesSupplierRule.NAME, Msg.RULE_ZERO_SALES_SUPPLIER_BASIS,
            ZeroVolumeProductRule.NAME, Msg.RULE_ZERO_VOLUME_PRODUCT_BASIS,
            OverdueNoticeRule.NAME, Msg.RULE_OVERDUE_NOTICE_BASIS,
            Suspension.ENDED_RULE, Msg.RULE_SUSPENSION_ENDED_BASIS);

    private static final Map<String, Msg> ACTION = Map.of(
            "TERMINATE_SUPPLIER", Msg.ACTION_TERMINATE_SUPPLIER,
            "ISSUE_DELISTING_NOTICE", Msg.ACTION_ISSUE_DELISTING_NOTICE,
            "TAKE_DOWN_LISTING", Msg.ACTION_TAKE_DOWN_LISTING,
            "DEDUCT_CREDIT", Msg.ACTION_DEDUCT_CREDIT,
            "END_SUSPENSION", Msg.ACTION_END_SUSPENSION);

    private static final Map<String, Msg> TRIGGER = Map.of("SCHEDULED", Msg.RUN_TRIGGER_SCHEDULED, "MANUAL", Msg.RUN_TRIGGER_MANUAL);

    /** How many actions a run took under a rule: 整改下架（连续12个月销售量为零）, 3. */
    public record RuleCount(String rule, String label, String basis, long count) {
    }

    private ConsoleLabels() {
    }

    static List<Labels.Choice> ruleChoices(List<String> rules, String selected) {
        return rules.stream().map(rule -> new Labels.Choice(rule, Labels.rule(rule), rule.equals(selected))).toList();
    }

    static List<Labels.Choice> kindChoices(NoticeKind selected) {
        return List.of(NoticeKind.values()).stream().map(kind -> new Labels.Choice(kind.name(), Labels.of("NOTICE_KIND", kind.name()), kind == selected))
                .toList();
    }

    static List<Labels.Choice> noticeStatusChoices(NoticeStatus selected) {
        return List.of(NoticeStatus.values()).stream().map(status -> new Labels.Choice(status.name(), status(status, null), status == selected))
                .toList();
    }

    static List<Labels.Choice> appealStatusChoices(String selected) {
        return List.of("PENDING", "ACCEPTED", "REJECTED").stream()
                .map(status -> new Labels.Choice(status, Labels.of("APPEAL_STATUS", status), status.equals(selected))).toList();
    }

    @TemplateExtension
    static String ruleLabel(RunReport.Action action) {
        return Labels.rule(action.rule());
    }

    /** What the rule found: 连续12个月销售量为零. */
    @TemplateExtension
    static String ruleBasis(RunReport.Action action) {
        return label(RULE_BASIS, action.rule());
    }

    @TemplateExtension
    static String actionLabel(RunReport.Action action) {
        return label(ACTION, action.action());
    }

    /** The evidence under its Chinese labels, in the order the step wrote it. */
    @TemplateExtension
    static List<ReportDownloads.EvidenceItem> evidenceItems(RunReport.Action action) {
        return ReportDownloads.evidenceItems(action.evidence(), Catalogue.CHINESE);
    }

    /** 试运行 or 正式运行. */
    @TemplateExtension
    static String kindLabel(RunReport report) {
        return chinese(report.dryRun() ? Msg.RUN_DRY : Msg.RUN_REAL);
    }

    @TemplateExtension
    static String triggerLabel(RunReport report) {
        return label(TRIGGER, report.trigger());
    }

    @TemplateExtension
    static String statusLabel(RunReport report) {
        return Labels.of("RUN_STATUS", report.status());
    }

    /** How long the run took: 1.4 秒, 3 分 12 秒; a dash while it works. */
    @TemplateExtension
    static String durationText(RunReport report) {
        if (report.finishedAt() == null) {
            return "—";
        }
        Duration took = Duration.between(report.startedAt(), report.finishedAt());
        if (took.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1f 秒", took.toMillis() / 1000.0);
        }
        return took.toMinutes() + " 分 " + took.toSecondsPart() + " 秒";
    }

    /** The run's counts, each rule under its label and with what it finds, in the order of the steps. */
    @TemplateExtension
    static List<RuleCount> ruleCounts(RunReport report) {
        return report.counts().entrySet().stream()
                .map(count -> new RuleCount(count.getKey(), Labels.rule(count.getKey()), label(RULE_BASIS, count.getKey()), count.getValue()))
                .toList();
    }

    @TemplateExtension
    static String kindLabel(NoticeView notice) {
        return Labels.of("NOTICE_KIND", notice.kind().name());
    }

    /** A delisting notice's status as the board names it (公示中...); another notice's as the console does (待处理...). */
    @TemplateExtension
    static String statusLabel(NoticeView notice) {
        return status(notice.status(), notice.kind());
    }

    @TemplateExtension
    static String ruleLabel(NoticeView notice) {
        return Labels.rule(notice.rule());
    }

    @TemplateExtension
    static String statusLabel(AppealView appeal) {
        return Labels.of("APPEAL_STATUS", appeal.status());
    }

    /** A short name for the status, for the style of its badge: pending, accepted, open... */
    @TemplateExtension
    static String statusKey(AppealView appeal) {
        return appeal.status().toLowerCase(Locale.ROOT);
    }

    @TemplateExtension
    static String statusKey(NoticeView notice) {
        return notice.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** 数值 for NUMBER, and so on: a template parameter's type. */
    @TemplateExtension
    static String typeLabel(ParameterType type) {
        return chinese(switch (type) {
            case TEXT -> Msg.PARAMETER_TYPE_TEXT;
            case NUMBER -> Msg.PARAMETER_TYPE_NUMBER;
            case ENUM -> Msg.PARAMETER_TYPE_ENUM;
            case BOOLEAN -> Msg.PARAMETER_TYPE_BOOLEAN;
        });
    }

    private static String status(NoticeStatus status, NoticeKind kind) {
        return switch (status) {
            case OPEN -> kind == NoticeKind.DELISTING || kind == null ? Labels.status(status) : chinese(Msg.NOTICE_STATUS_PENDING_ANSWER);
            default -> Labels.of("NOTICE_STATUS", status.name());
        };
    }

    private static String label(Map<String, Msg> labels, String name) {
        if (name == null) {
            return "—";
        }
        Msg label = labels.get(name);
        return label == null ? name : chinese(label);
    }

    private static String chinese(Msg label) {
        return label.with().in(Catalogue.CHINESE);
    }
}
