package cn.emall.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A stored ledger line; money as strings with 2 decimals, times in Asia/Shanghai. */
public record SaleLineView(long id, String orderNo, int lineNo, long supplierId, long productId, String buyer,
                           int quantity, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, OffsetDateTime occurredAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Ref refersTo, OffsetDateTime recordedAt) {

    public record Ref(long id, String orderNo, int lineNo) {
    }
}
