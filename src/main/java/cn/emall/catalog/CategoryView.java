package cn.emall.catalog;

import cn.emall.catalog.model.ParameterSpec;

import java.util.List;

/** A category on the wire: code, name and its parameter template. */
public record CategoryView(String code, String name, List<ParameterSpec> parameters) {
}
