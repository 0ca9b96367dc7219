package cn.emall.ledger;

import cn.emall.ledger.model.LineKey;
import cn.emall.ledger.model.SaleLine;
import cn.emall.platform.openapi.MoneySchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One ledger line as the order system sends it. A return has negative quantity and amount and
 * {@code refersTo} the original line.
 */
@Schema(description = "One ledger line as the order system sends it; a return has negative quantity and amount and refersTo "
        + "its original line")
public record SaleLineRequest(
        @NotBlank @Size(max = 64) String orderNo,
        @NotNull @Min(value = 1, message = "{ONE_OR_MORE}") @Max(1_000_000) Integer lineNo,
        @NotNull Long supplierId,
        @NotNull Long productId,
        @NotBlank @Size(max = 200) String buyer,
        @NotNull @Min(-1_000_000) @Max(1_000_000) Integer quantity,
        @NotNull @Digits(integer = 12, fraction = 2, message = "{AT_MOST_TWO_DECIMALS}")
        @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.PRICE, examples = "4999.00",
                description = "The unit price in yuan, more than 0." + MoneySchema.REQUEST_NOTE) BigDecimal unitPrice,
        @NotNull @Digits(integer = 14, fraction = 2, message = "{AT_MOST_TWO_DECIMALS}")
        @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.AMOUNT, examples = "9998.00",
                description = "quantity x unitPrice in yuan; negative for a "
                        + "return." + MoneySchema.REQUEST_NOTE) BigDecimal amount,
        @NotNull OffsetDateTime occurredAt,
        @Valid LineRef refersTo) {

    /** A line of the ledger by its key. */
    @Schema(name = "SaleLineKey", description = "A ledger line by its key: order number and line number")
    public record LineRef(@NotBlank @Size(max = 64) String orderNo, @NotNull @Min(1) Integer lineNo) {
    }

    /**
     * The line as the rules see it, once its fields hold their constraints: the buyer without
     * surrounding blanks.
     *
     * @param occurredOn the business date of {@code occurredAt}
     */
    public SaleLine content(LocalDate occurredOn) {
        return new SaleLine(new LineKey(orderNo, lineNo), supplierId, productId, buyer.trim(), quantity, unitPrice, amount,
                occurredAt, occurredOn, refersTo == null ? null : new LineKey(refersTo.orderNo(), refersTo.lineNo()));
    }
}
