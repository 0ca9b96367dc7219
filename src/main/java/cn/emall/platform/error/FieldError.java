package cn.emall.platform.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field of a request and the rule it broke. */
@Schema(description = "One field of a request and the rule it broke")
public record FieldError(String field, String message) {
}
