package cn.emall.platform.error;

/** One field of a request and the rule it broke. */
public record FieldError(String field, String message) {
}
