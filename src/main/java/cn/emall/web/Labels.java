package cn.emall.web;

import cn.emall.enforcement.Announcement;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.enforcement.model.ZeroSalesSupplierRule;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import io.quarkus.qute.TemplateExtension;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place where the pages name the states and rules of the board in Chinese (公示中, 清退公示...),
 * from the catalogue; the templates ask for {@code {a.statusLabel}}, never spell a label themselves.
 */
public final class Labels {

    /** A delisting notice's statuses, in the order of its life. */
    private static final Map<NoticeStatus, Msg> STATUS = new EnumMap<>(Map.of(
            NoticeStatus.OPEN, Msg.NOTICE_STATUS_OPEN,
            NoticeStatus.APPEALED, Msg.NOTICE_STATUS_APPEALED,
            NoticeStatus.APPEAL_REJECTED, Msg.NOTICE_STATUS_APPEAL_REJECTED,
            NoticeStatus.WITHDRAWN, Msg.NOTICE_STATUS_WITHDRAWN,
            NoticeStatus.TERMINATED, Msg.NOTICE_STATUS_TERMINATED));

    /** The board's name for each rule that issues delisting notices, and what the rule found. */
    private static final Map<String, Msg> RULE = Map.of(ZeroSalesSupplierRule.NAME, Msg.RULE_ZERO_SALES_SUPPLIER);
    private static final Map<String, Msg> RULE_BASIS = Map.of(ZeroSalesSupplierRule.NAME, Msg.RULE_ZERO_SALES_SUPPLIER_BASIS);

    /** The query parameters of the board, as an error page names them. */
    private static final Map<String, Msg> PARAMETER = Map.of("q", Msg.BOARD_PARAMETER_Q, "status", Msg.BOARD_PARAMETER_STATUS,
            "page", Msg.BOARD_PARAMETER_PAGE, "size", Msg.BOARD_PARAMETER_SIZE);

    /** Shown for what has no value, such as the window of a notice recorded without one. */
    static final String NONE = "—";

    /** One option of the status filter. */
    public record Choice(String value, String label, boolean selected) {
    }

    private Labels() {
    }

    /** 公示中 for OPEN, and so on for every status a delisting notice can have. */
    public static String status(NoticeStatus status) {
        Msg label = STATUS.get(status);
        if (label == null) {
            throw new IllegalArgumentException("no board label for " + status);
        }
        return chinese(label);
    }

    /** The status filter's options, the selected one marked; none selected means all. */
    static List<Choice> statusChoices(NoticeStatus selected) {
        return NoticeStatus.OF_DELISTING.stream().map(s -> new Choice(s.name(), status(s), s == selected)).toList();
    }

    /** The parameter as the page names it: 页码（page）. */
    static String parameter(String name) {
        Msg label = PARAMETER.get(name);
        return label == null ? name : chinese(label) + "（" + name + "）";
    }

    @TemplateExtension
    static String statusLabel(Announcement announcement) {
        return status(NoticeStatus.valueOf(announcement.status()));
    }

    /** A short name for the status, for the style of its badge: open, appealed, appeal-rejected... */
    @TemplateExtension
    static String statusKey(Announcement announcement) {
        return announcement.status().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** 清退公示 for the zero-sales rule; the rule's own name for one the board has no label for; a dash for none. */
    @TemplateExtension
    static String ruleLabel(Announcement announcement) {
        return label(RULE, announcement.rule());
    }

    /** What the rule found: 连续2年销售业绩为零. */
    @TemplateExtension
    static String ruleBasis(Announcement announcement) {
        return label(RULE_BASIS, announcement.rule());
    }

    private static String label(Map<String, Msg> labels, String rule) {
        if (rule == null) {
            return NONE;
        }
        Msg label = labels.get(rule);
        return label == null ? rule : chinese(label);
    }

    private static String chinese(Msg label) {
        return label.with().in(Catalogue.CHINESE);
    }
}
