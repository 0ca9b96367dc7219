package cn.emall.catalog.model;

import cn.emall.text.Text;

import java.util.Objects;

/**
 * One broken rule in some input: the field it concerns (for example {@code parameters.Memory}
 * or {@code parameters[2].max}) and a message that names the rule.
 *
 * @param field   the path of the offending field
 * @param message what is wrong, in words a supplier or an officer can act on (worded in the reader's
 *                language when it is shown)
 */
public record Violation(String field, Text message) {

    /** Refuses a missing field or message. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
