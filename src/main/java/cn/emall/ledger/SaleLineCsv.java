package cn.emall.ledger;

import cn.emall.platform.imports.CsvRow;

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
            row.reject("refersToOrderNo", "is required with refersToLineNo: a return names the original line by both");
        } else if (!lineNoGiven) {
            row.reject("refersToLineNo", "is required with refersToOrderNo: a return names the original line by both");
        }
        return new SaleLineRequest.LineRef(orderNo, lineNo);
    }
}
