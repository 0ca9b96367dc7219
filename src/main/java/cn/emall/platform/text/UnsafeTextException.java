package cn.emall.platform.text;

import cn.emall.text.Text;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON string that {@link SafeText} refuses. Jackson adds the path to the field as the exception
 * travels out of the body's objects and arrays, so that the answer can name the field.
 */
public class UnsafeTextException extends JsonMappingException {

    private final transient Text reason;

    public UnsafeTextException(JsonParser parser, Text reason) {
        super(parser, "Refused text: " + reason);
        this.reason = reason;
    }

    /** What is wrong with the text, in the words of a field error. */
    public Text reason() {
        return reason;
    }
}
