package cn.emall.catalog;

import cn.emall.platform.openapi.MoneySchema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/** The body of {@code POST /api/v1/products} and {@code PUT /api/v1/products/{id}}: a listing's fields. */
@Schema(description = "A listing's fields (POST /api/v1/products, PUT /api/v1/products/{id}); parameters must satisfy the "
        + "category's template")
public record ListingRequest(
        @NotBlank @Size(max = 32) String categoryCode,
        @NotBlank @Size(max = 100) String brand,
        @NotBlank @Size(max = 100) String model,
        @NotBlank @Size(max = 200) String name,
        @NotNull @DecimalMin(value = "0.01", message = "{MUST_BE_POSITIVE}")
        @Digits(integer = 12, fraction = 2, message = "{AT_MOST_TWO_DECIMALS}")
        @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.PRICE, examples = "4999.00",
                description = "The price in yuan, more than 0." + MoneySchema.REQUEST_NOTE) BigDecimal price,
        @Schema(description = "The values of the category's parameters, by parameter name")
        @NotNull Map<String, Object> parameters) {

    ProductService.Listing listing() {
        return new ProductService.Listing(categoryCode, brand, model, name, price, parameters);
    }
}
