package cn.emall.catalog;

import cn.emall.catalog.model.ParameterSpec;
import cn.emall.catalog.model.ParameterTemplate;
import cn.emall.catalog.model.Violation;
import cn.emall.platform.error.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private final ObjectMapper json;

    public Templates(ObjectMapper json) {
        this.json = json;
    }

    public ParameterTemplate templateOf(Category category) {
        return new ParameterTemplate(read(category.parametersJson, SPECS));
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON", e);
        }
    }

    public Map<String, Object> values(String parametersJson) {
        return read(parametersJson, VALUES);
    }

    public static List<FieldError> asFieldErrors(List<Violation> violations) {
        return violations.stream().map(v -> new FieldError(v.field(), v.message())).toList();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable", e);
        }
    }
}
