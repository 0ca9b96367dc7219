package cn.emall.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A listing on the wire; money as a string with 2 decimals. */
public record ProductView(long id, long supplierId, String categoryCode, String brand, String model, String name,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
                          Map<String, Object> parameters, ProductStatus status, LocalDate listedOn,
                          LocalDate takenDownOn, String takedownReason) {
}
