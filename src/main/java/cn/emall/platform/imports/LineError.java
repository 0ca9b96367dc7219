package cn.emall.platform.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One problem with one line of an import.
 *
 * @param line    the line's number in the file: the N-th element of a JSON array is line N; in a CSV
 *                file the header is line 1 and the first data row line 2 (rows as a spreadsheet
 *                numbers them: a line break inside a quoted cell does not start a new row)
 * @param field   the field or CSV column concerned, {@code null} when the whole line is unreadable
 * @param message what is wrong, in words an officer can act on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One problem with one line of an import: the line number, the field or column (absent when the whole "
        + "line is unreadable), and what is wrong")
public record LineError(int line, String field, String message) {
}
