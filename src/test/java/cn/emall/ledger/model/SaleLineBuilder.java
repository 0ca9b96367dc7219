package cn.emall.ledger.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Lines for the rules' tests: a usual sale, changed only where a test says so. */
final class SaleLineBuilder {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final long SUPPLIER = 7;
    static final long PRODUCT = 9;

    private String orderNo = "ZC-2026-0001";
    private int lineNo = 1;
    private long supplierId = SUPPLIER;
    private long productId = PRODUCT;
    private String buyer = "呼和浩特市第一中学";
    private int quantity = 2;
    private BigDecimal unitPrice = new BigDecimal("12.50");
    private BigDecimal amount;
    private OffsetDateTime occurredAt = OffsetDateTime.parse("2026-11-20T09:30:00+08:00");
    private LineKey refersTo;

    private SaleLineBuilder() {
    }

    static SaleLineBuilder sale() {
        return new SaleLineBuilder();
    }

    /** A return of {@code units} of the original, at its unit price, a day after it. */
    static SaleLineBuilder returnOf(SaleLine original, int units) {
        SaleLineBuilder builder = new SaleLineBuilder().order(original.key().orderNo() + "-R").quantity(-units)
                .unitPrice(original.unitPrice().toPlainString()).at(original.occurredAt().plusDays(1).toString())
                .refersTo(original.key());
        builder.supplierId = original.supplierId();
        builder.productId = original.productId();
        return builder;
    }

    SaleLineBuilder order(String orderNo) {
        this.orderNo = orderNo;
        return this;
    }

    SaleLineBuilder line(int lineNo) {
        this.lineNo = lineNo;
        return this;
    }

    SaleLineBuilder supplier(long supplierId) {
        this.supplierId = supplierId;
        return this;
    }

    SaleLineBuilder product(long productId) {
        this.productId = productId;
        return this;
    }

    SaleLineBuilder buyer(String buyer) {
        this.buyer = buyer;
        return this;
    }

    /** The quantity; the amount follows it unless it is set too. */
    SaleLineBuilder quantity(int quantity) {
        this.quantity = quantity;
        return this;
    }

    SaleLineBuilder unitPrice(String unitPrice) {
        this.unitPrice = new BigDecimal(unitPrice);
        return this;
    }

    SaleLineBuilder amount(String amount) {
        this.amount = new BigDecimal(amount);
        return this;
    }

    SaleLineBuilder at(String occurredAt) {
        this.occurredAt = OffsetDateTime.parse(occurredAt);
        return this;
    }

    SaleLineBuilder refersTo(LineKey original) {
        this.refersTo = original;
        return this;
    }

    SaleLine build() {
        BigDecimal lineAmount = amount != null ? amount : unitPrice.multiply(BigDecimal.valueOf(quantity));
        return new SaleLine(new LineKey(orderNo, lineNo), supplierId, productId, buyer, quantity, unitPrice, lineAmount,
                occurredAt, occurredAt.atZoneSameInstant(SHANGHAI).toLocalDate(), refersTo);
    }
}
