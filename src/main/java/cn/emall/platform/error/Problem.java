package cn.emall.platform.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of problem
 * ({@code urn:emall:problem:<kind>}); {@code extensions} carry facts such as a deadline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:emall:problem:";

    public static String type(String kind) {
        return TYPE_PREFIX + kind;
    }
}
