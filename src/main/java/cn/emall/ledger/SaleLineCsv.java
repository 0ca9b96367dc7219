package cn.emall.ledger;

import cn.emall.platform.imports.CsvRow;
import cn.emall.text.Msg;

import java.util.List;
import java.util.Map;

/**
 * The CSV form of a ledger line for the historical import: one row per line, the fields of
 * {@link SaleLineRequest} as columns, {@code refersTo} as the two columns {@code refersToOrderNo}
 * and {@code refersToLineNo} (optional: a file without returns may leave them out).
 */
final class SaleLineCsv {

    static final List<String> REQUIRED = List.of("orderNo", "lineNo", "supplierId", "productId", "buyer", "quantity",
            "unitPrice", "amount", "occurredAt");
    static final List<String> OPTIONAL = List.of("refersToOrderNo", "refersToLineNo");

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "refersTo", "refersToOrderNo",
            "refersTo.orderNo", "refersToOrderNo",
            "refersTo.lineNo", "refersToLineNo");

    private SaleLineCsv() {
    }

    static SaleLineRequest read(CsvRow row) {
        return new SaleLineRequest(row.text("orderNo"), row.whole("lineNo"), row.id("supplierId"), row.id("productId"),
                row.text("buyer"), row.whole("quantity"), row.decimal("unitPrice"), row.decimal("amount"),
                row.timestamp("occurredAt"), refersTo(row));
    }

    /** The CSV column that holds a field of {@link SaleLineRequest}. */
    static String columnOf(String field) {
        return COLUMN_OF_FIELD.getOrDefault(field, field);
    }

    private static SaleLineRequest.LineRef refersTo(CsvRow row) {
        String orderNo = row.text("refersToOrderNo");
        Integer lineNo = row.whole("refersToLineNo");
        boolean lineNoGiven = row.text("refersToLineNo") != null;
        if (orderNo == null && !lineNoGiven) {
            return null;
        }
        if (orderNo == null) {
            row.reject("refersToOrderNo", Msg.REFERS_TO_ORDER_NO_REQUIRED.with());
        } else if (!lineNoGiven) {
            row.reject("refersToLineNo", Msg.REFERS_TO_LINE_NO_REQUIRED.with());
        }
        return new SaleLineRequest.LineRef(orderNo, lineNo);
    }
}
