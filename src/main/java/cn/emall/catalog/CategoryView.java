package cn.emall.catalog;

import cn.emall.catalog.model.ParameterSpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A category on the wire: code, name and its parameter template. */
@Schema(description = "A category: its code, name and parameter template")
public record CategoryView(String code, String name, List<ParameterSpec> parameters) {
}
