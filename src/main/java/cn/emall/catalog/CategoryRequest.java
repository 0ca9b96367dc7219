package cn.emall.catalog;

import cn.emall.catalog.model.ParameterSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/v1/categories} and {@code PUT /api/v1/categories/{code}}: a category and its parameter template. */
public record CategoryRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "{CATEGORY_CODE_FORMAT}") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(max = 100) List<@NotNull ParameterSpec> parameters) {
}
