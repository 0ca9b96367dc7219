package cn.emall.web;

import cn.emall.enforcement.Announcement;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.enforcement.model.LapsedNoticeRule;
import cn.emall.enforcement.model.OverdueNoticeRule;
import cn.emall.enforcement.model.ZeroSalesSupplierRule;
import cn.emall.enforcement.model.ZeroVolumeProductRule;
import cn.emall.supplier.model.Suspension;
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
    /** Every rule of the nightly run, in the order of its steps, as the console names them. */
    private static final Map<String, Msg> RUN_RULE = new java.util.LinkedHashMap<>();

    static {
        RUN_RULE.put(LapsedNoticeRule.NAME, Msg.RULE_LAPSED_NOTICE);
        RUN_RULE.put(ZeroSalesSupplierRule.NAME, Msg.RULE_ZERO_SALES_SUPPLIER);
        RUN_RULE.put(ZeroVolumeProductRule.NAME, Msg.RULE_ZERO_VOLUME_PRODUCT);
        RUN_RULE.put(OverdueNoticeRule.NAME, Msg.RULE_OVERDUE_NOTICE);
        RUN_RULE.put(Suspension.ENDED_RULE, Msg.RULE_SUSPENSION_ENDED);
    }
    private static final Map<String, Msg> RULE_BASIS = Map.of(ZeroSalesSupplierRule.NAME, Msg.RULE_ZERO_SALES_SUPPLIER_BASIS);

    /** The query parameters of the board, as an error page names them. */
    private static final Map<String, Msg> PARAMETER = Map.of("q", Msg.BOARD_PARAMETER_Q, "status", Msg.BOARD_PARAMETER_STATUS,
            "page", Msg.BOARD_PARAMETER_PAGE, "size", Msg.BOARD_PARAMETER_SIZE);

    /** The console's names of states, kinds and roles, by FAMILY_VALUE (see {@link #of}). */
    private static final Map<String, Msg> STATE = Map.ofEntries(
            Map.entry("SUPPLIER_STATUS_PENDING", Msg.SUPPLIER_STATUS_PENDING),
            Map.entry("SUPPLIER_STATUS_ACTIVE", Msg.SUPPLIER_STATUS_ACTIVE),
            Map.entry("SUPPLIER_STATUS_REJECTED", Msg.SUPPLIER_STATUS_REJECTED),
            Map.entry("SUPPLIER_STATUS_TERMINATED", Msg.SUPPLIER_STATUS_TERMINATED),
            Map.entry("PRODUCT_STATUS_LISTED", Msg.PRODUCT_STATUS_LISTED),
            Map.entry("PRODUCT_STATUS_TAKEN_DOWN", Msg.PRODUCT_STATUS_TAKEN_DOWN),
            Map.entry("PRODUCT_STATUS_WITHDRAWN", Msg.PRODUCT_STATUS_WITHDRAWN),
            Map.entry("PRODUCT_STATUS_DELISTED", Msg.PRODUCT_STATUS_DELISTED),
            Map.entry("NOTICE_KIND_DELISTING", Msg.NOTICE_KIND_DELISTING),
            Map.entry("NOTICE_KIND_RECTIFICATION", Msg.NOTICE_KIND_RECTIFICATION),
            Map.entry("NOTICE_KIND_PROCESSING", Msg.NOTICE_KIND_PROCESSING),
            Map.entry("NOTICE_STATUS_OPEN", Msg.NOTICE_STATUS_OPEN),
            Map.entry("NOTICE_STATUS_APPEALED", Msg.NOTICE_STATUS_APPEALED),
            Map.entry("NOTICE_STATUS_APPEAL_REJECTED", Msg.NOTICE_STATUS_APPEAL_REJECTED),
            Map.entry("NOTICE_STATUS_WITHDRAWN", Msg.NOTICE_STATUS_WITHDRAWN),
            Map.entry("NOTICE_STATUS_TERMINATED", Msg.NOTICE_STATUS_TERMINATED),
            Map.entry("NOTICE_STATUS_HANDLED", Msg.NOTICE_STATUS_HANDLED),
            Map.entry("NOTICE_STATUS_OVERDUE", Msg.NOTICE_STATUS_OVERDUE),
            Map.entry("APPEAL_STATUS_PENDING", Msg.APPEAL_STATUS_PENDING),
            Map.entry("APPEAL_STATUS_ACCEPTED", Msg.APPEAL_STATUS_ACCEPTED),
            Map.entry("APPEAL_STATUS_REJECTED", Msg.APPEAL_STATUS_REJECTED),
            Map.entry("ROLE_OFFICER", Msg.ROLE_OFFICER),
            Map.entry("ROLE_ORDER_SYSTEM", Msg.ROLE_ORDER_SYSTEM),
            Map.entry("ROLE_SUPPLIER", Msg.ROLE_SUPPLIER),
            Map.entry("RUN_STATUS_RUNNING", Msg.RUN_STATUS_RUNNING),
            Map.entry("RUN_STATUS_COMPLETED", Msg.RUN_STATUS_COMPLETED),
            Map.entry("MATERIAL_KIND_BUSINESS_LICENSE", Msg.MATERIAL_KIND_BUSINESS_LICENSE));

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

    /**
     * A state or role in Chinese, from the catalogue entry FAMILY_VALUE: {@code of("SUPPLIER_STATUS", "PENDING")}
     * is 待审核; the value itself when the catalogue has no such entry.
     */
    public static String of(String family, String value) {
        if (value == null) {
            return NONE;
        }
        Msg label = STATE.get(family + "_" + value);
        return label == null ? value : chinese(label);
    }

    /** A rule of the nightly run in Chinese (清退公示, 整改下架...); its own name for one without a label. */
    public static String rule(String name) {
        return label(RUN_RULE, name);
    }

    /** The rules of the nightly run in the order of its steps. */
    public static List<String> runRules() {
        return List.copyOf(RUN_RULE.keySet());
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
