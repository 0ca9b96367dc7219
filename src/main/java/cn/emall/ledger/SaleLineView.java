package cn.emall.ledger;

import cn.emall.platform.openapi.MoneySchema;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A stored ledger line; money as strings with 2 decimals, times in Asia/Shanghai. */
@Schema(description = "A stored ledger line; times in Asia/Shanghai")
public record SaleLineView(long id, String orderNo, int lineNo, long supplierId, long productId, String buyer,
                           @Schema(description = "Negative for a return") int quantity,
                           @JsonFormat(shape = JsonFormat.Shape.STRING)
                           @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.ANSWER,
                                   description = "The unit price in yuan", examples = "4999.00") BigDecimal unitPrice,
                           @JsonFormat(shape = JsonFormat.Shape.STRING)
                           @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.ANSWER,
                                   description = "quantity x unitPrice in yuan; negative for a return", examples = "9998.00")
                           BigDecimal amount,
                           OffsetDateTime occurredAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL)
                           @Schema(description = "For a return, the original line; absent "
                                   + "otherwise") Ref refersTo, OffsetDateTime recordedAt) {

    @Schema(name = "SaleLineRef", description = "The original line a return refers to: its id and key")
    public record Ref(long id, String orderNo, int lineNo) {
    }
}
