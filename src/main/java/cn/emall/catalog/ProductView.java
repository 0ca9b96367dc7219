package cn.emall.catalog;

import cn.emall.platform.openapi.MoneySchema;
import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A listing on the wire; money as a string with 2 decimals. */
@Schema(description = "A listing: the product a supplier offers, its price and parameters, and its status")
public record ProductView(long id, long supplierId, String categoryCode, String brand, String model, String name,
                          @JsonFormat(shape = JsonFormat.Shape.STRING)
                          @Schema(type = SchemaType.STRING, format = MoneySchema.FORMAT, pattern = MoneySchema.ANSWER,
                                  description = "The price in yuan", examples = "4999.00")
                          BigDecimal price,
                          @Schema(description = "The values of the category's parameters, by parameter name")
                          Map<String, Object> parameters, ProductStatus status,
                          @Schema(description = "Listed since: the day it was listed or last relisted") LocalDate listedOn,
                          @Schema(nullable = true, description = "The day it was taken down; null when it has not been since "
                                  + "it was listed")
                          LocalDate takenDownOn,
                          @Schema(nullable = true, description = "Why it was taken down; null when it has not been since it "
                                  + "was listed")
                          String takedownReason) {
}
