package cn.emall.ledger;

import cn.emall.ledger.model.LineKey;
import cn.emall.ledger.model.SaleLine;

import java.time.LocalDate;

/**
 * A line of the ledger as stored, with the business date of its sale.
 *
 * @param view the line as the API answers it
 * @param day  the business date of the sale ({@code occurred_on})
 */
record StoredLine(SaleLineView view, LocalDate day) {

    LineKey key() {
        return new LineKey(view.orderNo(), view.lineNo());
    }

    /** The line as the rules see it. */
    SaleLine content() {
        SaleLineView.Ref original = view.refersTo();
        return new SaleLine(key(), view.supplierId(), view.productId(), view.buyer(), view.quantity(), view.unitPrice(),
                view.amount(), view.occurredAt(), day, original == null ? null : new LineKey(original.orderNo(), original.lineNo()));
    }
}
