package cn.emall.platform.error;

import cn.emall.platform.imports.LineError;
import cn.emall.platform.openapi.MoneySchema;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of problem
 * ({@code urn:emall:problem:<kind>}); {@code extensions} carry facts such as a deadline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = Problem.SCHEMA, description = "An RFC 9457 problem (application/problem+json), the body of every error answer. "
        + "type is stable per kind of problem (urn:emall:problem:<kind>); the extension members below appear with the "
        + "problems they belong to.",
        requiredProperties = {"type", "title", "status", "detail"},
        properties = {
                @SchemaProperty(name = "instance", type = SchemaType.STRING, format = "uri-reference",
                        description = "RFC 9457: a URI reference for this occurrence of the problem; absent when the service "
                                + "gives none"),
                @SchemaProperty(name = "incident", type = SchemaType.STRING,
                        description = "internal-error (500): the number of the incident, to quote to the operator"),
                @SchemaProperty(name = "remainingQuantity", type = SchemaType.INTEGER, format = "int64",
                        description = "over-return: the quantity of the original line still open to returns"),
                @SchemaProperty(name = "remainingAmount", type = SchemaType.STRING, format = MoneySchema.FORMAT,
                        pattern = MoneySchema.ANSWER, description = "over-return: the amount (yuan) of the original line still "
                                + "open to returns"),
                @SchemaProperty(name = "deadline", type = SchemaType.STRING, format = "date",
                        description = "appeal-window-closed: the last day of the appeal window"),
                @SchemaProperty(name = "suspendedUntil", type = SchemaType.STRING, format = "date",
                        description = "suspended: the last day of the credit code's suspension"),
                @SchemaProperty(name = "mayApplyFrom", type = SchemaType.STRING, format = "date",
                        description = "suspended: the first day the credit code may apply again"),
                @SchemaProperty(name = "runId", type = SchemaType.INTEGER, format = "int64",
                        description = "already-ran: the report of the real run that already ran for that date"),
                @SchemaProperty(name = "lastRealRun", type = SchemaType.STRING, format = "date",
                        description = "out-of-order: the date of the last real run"),
                @SchemaProperty(name = "detected", type = SchemaType.STRING, enumeration = {"PDF", "JPEG", "PNG", "OFD",
                        "HTML", "XML", "GIF", "ZIP", "OFFICE_OPEN_XML", "OFFICE_LEGACY", "EXECUTABLE", "TEXT", "EMPTY", "UNKNOWN"},
                        description = "unsupported-document-type: what the upload's content is"),
                @SchemaProperty(name = "oldest", type = SchemaType.STRING,
                        description = "cursor-expired: the cursor the change feed now starts from"),
                @SchemaProperty(name = "size", type = SchemaType.INTEGER, format = "int64",
                        description = "range-not-satisfiable: the document's size in bytes"),
                @SchemaProperty(name = "retryAfterSeconds", type = SchemaType.INTEGER, format = "int64",
                        description = "login-locked: seconds until the username may log in again"),
                @SchemaProperty(name = "lines", type = SchemaType.ARRAY, implementation = LineError.class,
                        description = "import-rejected: the first 1,000 problems of the refused lines"),
                @SchemaProperty(name = "rejectedLines", type = SchemaType.INTEGER, format = "int32",
                        description = "import-rejected: how many lines were refused"),
                @SchemaProperty(name = "errorCount", type = SchemaType.INTEGER, format = "int32",
                        description = "import-rejected: how many problems were found, also those not listed"),
                @SchemaProperty(name = "requiredColumns", type = SchemaType.ARRAY, implementation = String.class,
                        description = "import-columns: the columns a CSV file must have"),
                @SchemaProperty(name = "optionalColumns", type = SchemaType.ARRAY, implementation = String.class,
                        description = "import-columns: the columns a CSV file may have")
        })
public record Problem(@Schema(description = "urn:emall:problem:<kind>, stable per kind of problem") String type,
                      @Schema(description = "A short summary of the kind of problem") String title,
                      @Schema(description = "The HTTP status of the answer") int status,
                      @Schema(description = "What went wrong in this case, in words a user can act on") String detail,
                      @Schema(description = "validation and other request problems: each field and the rule it broke")
                      List<FieldError> errors,
                      @Schema(hidden = true) @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The name of this document's schema in the OpenAPI document. */
    public static final String SCHEMA = "Problem";
    private static final String TYPE_PREFIX = "urn:emall:problem:";

    public static String type(String kind) {
        return TYPE_PREFIX + kind;
    }
}
