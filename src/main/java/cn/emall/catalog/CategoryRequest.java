package cn.emall.catalog;

import cn.emall.catalog.model.ParameterSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/v1/categories} and {@code PUT /api/v1/categories/{code}}: a category and its parameter template. */
public record CategoryRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be 1-32 upper-case letters, digits, '_' or '-'") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(max = 100) List<@NotNull ParameterSpec> parameters) {
}
