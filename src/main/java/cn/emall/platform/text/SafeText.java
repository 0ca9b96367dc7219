package cn.emall.platform.text;

import cn.emall.text.Msg;
import cn.emall.text.Text;

import java.util.Optional;

/**
 * Text the service accepts in any field: no NUL or other C0 control character except tab, line
 * feed and carriage return, and no half of a surrogate pair without its other half (a lone
 * surrogate is not a character: it cannot be written as UTF-8). PostgreSQL refuses NUL in text and
 * JSON, and the driver would store a lone surrogate as '?'. Applied once, where text enters the
 * service: JSON bodies ({@link SafeTextJson}), query and path parameters ({@link SafeTextParameters})
 * and import files.
 */
public final class SafeText {

    private SafeText() {
    }

    /** Why the text is refused, naming its first offending character; empty when it is accepted. */
    public static Optional<Text> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(Msg.TEXT_CONTROL_CHARACTER.with(codePoint(c)));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(Msg.TEXT_LONE_SURROGATE.with(codePoint(c)));
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
