package cn.emall.catalog;

import cn.emall.platform.web.JsonText;
import cn.emall.catalog.model.ParameterSpec;
import cn.emall.catalog.model.ParameterTemplate;
import cn.emall.catalog.model.Violation;
import cn.emall.platform.error.InvalidField;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Reads and writes templates and listing parameters as the JSON the database keeps. */
@ApplicationScoped
public class Templates {

    private static final TypeReference<List<ParameterSpec>> SPECS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private final JsonText json;

    public Templates(JsonText json) {
        this.json = json;
    }

    public ParameterTemplate templateOf(Category category) {
        return new ParameterTemplate(json.read(category.parametersJson, SPECS));
    }

    public String write(Object value) {
        return json.write(value);
    }

    public Map<String, Object> values(String parametersJson) {
        return json.read(parametersJson, VALUES);
    }

    public static List<InvalidField> asInvalidFields(List<Violation> violations) {
        return violations.stream().map(v -> new InvalidField(v.field(), v.message())).toList();
    }
}
