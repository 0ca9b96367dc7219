package cn.emall.enforcement.run;

import cn.emall.text.Msg;

import java.util.List;
import java.util.Map;

/**
 * What an officer reads in a downloaded report instead of the JSON names: the column headers, and a
 * label for every evidence key the steps write ({@code windowFrom} is 考核期起). The JSON API keeps
 * the English names, which are its contract.
 */
final class ReportLabels {

    /** The columns of the CSV and XLSX downloads, in order. */
    static final List<Msg> COLUMNS = List.of(Msg.REPORT_RUN, Msg.REPORT_AS_OF, Msg.REPORT_DRY_RUN, Msg.REPORT_RULE,
            Msg.REPORT_ACTION, Msg.REPORT_SUPPLIER_ID, Msg.REPORT_SUPPLIER_NAME, Msg.REPORT_CREDIT_CODE,
            Msg.REPORT_PRODUCT_ID, Msg.REPORT_LISTING, Msg.REPORT_NOTICE_ID, Msg.REPORT_DEADLINE, Msg.REPORT_EVIDENCE);

    /** The label of each evidence key. */
    static final Map<String, Msg> EVIDENCE = Map.ofEntries(
            Map.entry("windowFrom", Msg.EVIDENCE_WINDOW_FROM),
            Map.entry("windowTo", Msg.EVIDENCE_WINDOW_TO),
            Map.entry("admittedOn", Msg.EVIDENCE_ADMITTED_ON),
            Map.entry("netSalesAmount", Msg.EVIDENCE_NET_SALES_AMOUNT),
            Map.entry("appealDeadline", Msg.EVIDENCE_APPEAL_DEADLINE),
            Map.entry("deadlineProvisional", Msg.EVIDENCE_DEADLINE_PROVISIONAL),
            Map.entry("listedOn", Msg.EVIDENCE_LISTED_ON),
            Map.entry("netQuantity", Msg.EVIDENCE_NET_QUANTITY),
            Map.entry("responseDeadline", Msg.EVIDENCE_RESPONSE_DEADLINE),
            Map.entry("noticeId", Msg.EVIDENCE_NOTICE_ID),
            Map.entry("noticeDate", Msg.EVIDENCE_NOTICE_DATE),
            Map.entry("noticeStatus", Msg.EVIDENCE_NOTICE_STATUS),
            Map.entry("appealId", Msg.EVIDENCE_APPEAL_ID),
            Map.entry("terminatedOn", Msg.EVIDENCE_TERMINATED_ON),
            Map.entry("suspendedUntil", Msg.EVIDENCE_SUSPENDED_UNTIL),
            Map.entry("mayApplyFrom", Msg.EVIDENCE_MAY_APPLY_FROM),
            Map.entry("kind", Msg.EVIDENCE_KIND),
            Map.entry("deadline", Msg.EVIDENCE_DEADLINE),
            Map.entry("handledOn", Msg.EVIDENCE_HANDLED_ON),
            Map.entry("points", Msg.EVIDENCE_POINTS),
            Map.entry("creditYear", Msg.EVIDENCE_CREDIT_YEAR),
            Map.entry("deliveryStatus", Msg.EVIDENCE_DELIVERY_STATUS),
            Map.entry("deliverySentAt", Msg.EVIDENCE_DELIVERY_SENT_AT));

    /**
     * The Chinese label of each value of the evidence keys whose values are states: {@code noticeStatus}
     * OPEN is 公示中. The English report keeps the JSON's values, as it keeps its names.
     */
    static final Map<String, Map<String, Msg>> EVIDENCE_VALUES = Map.of(
            "noticeStatus", Map.of("OPEN", Msg.NOTICE_STATUS_OPEN, "APPEALED", Msg.NOTICE_STATUS_APPEALED,
                    "APPEAL_REJECTED", Msg.NOTICE_STATUS_APPEAL_REJECTED, "WITHDRAWN", Msg.NOTICE_STATUS_WITHDRAWN,
                    "TERMINATED", Msg.NOTICE_STATUS_TERMINATED, "HANDLED", Msg.NOTICE_STATUS_HANDLED,
                    "OVERDUE", Msg.NOTICE_STATUS_OVERDUE),
            "kind", Map.of("DELISTING", Msg.NOTICE_KIND_DELISTING, "RECTIFICATION", Msg.NOTICE_KIND_RECTIFICATION,
                    "PROCESSING", Msg.NOTICE_KIND_PROCESSING),
            "deliveryStatus", Map.of("QUEUED", Msg.DELIVERY_STATUS_QUEUED, "SENT", Msg.DELIVERY_STATUS_SENT,
                    "FAILED", Msg.DELIVERY_STATUS_FAILED));

    private ReportLabels() {
    }
}
