package cn.emall.catalog;

import cn.emall.catalog.model.ParameterSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/v1/categories} and {@code PUT /api/v1/categories/{code}}: a category and its parameter template. */
@Schema(description = "A category and its standard parameter template (POST /api/v1/categories, PUT /api/v1/categories/{code})")
public record CategoryRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "{CATEGORY_CODE_FORMAT}")
        @Schema(pattern = "^[A-Z0-9][A-Z0-9_-]{0,31}$") String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(max = 100) List<@NotNull ParameterSpec> parameters) {
}
