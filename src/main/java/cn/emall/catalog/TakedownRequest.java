package cn.emall.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/products/{id}/takedown}: why an officer takes the listing down. */
public record TakedownRequest(@NotBlank @Size(max = 2000) String reason) {
}
