package cn.emall.supplier;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/suppliers/{id}/decision}: an officer's decision on an application. */
public record SupplierDecisionRequest(@NotNull SupplierService.Decision decision, @Size(max = 2000) String reason) {
}
