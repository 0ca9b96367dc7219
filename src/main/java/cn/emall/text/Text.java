package cn.emall.text;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Something to say to a reader, not yet worded: a catalogue entry and its arguments. The rules and
 * services say what is wrong with a {@code Text}; the edge (the problem mappers, the report downloads)
 * words it in the reader's language ({@link Catalogue}).
 *
 * @param msg  the catalogue entry
 * @param args its arguments {@code {0}, {1}, ...}: plain values, or {@code Text}s and lists worded in
 *             the same language
 */
public record Text(Msg msg, List<Object> args) implements Localizable {

    public Text {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Text of(Msg msg, Object... args) {
        return new Text(msg, Arrays.asList(args));
    }

    /** The text in the language of {@code locale} (Chinese unless it is English). */
    @Override
    public String in(Locale locale) {
        return Catalogue.format(this, locale);
    }

    /** In English, for logs and test reports. */
    @Override
    public String toString() {
        return in(Catalogue.ENGLISH);
    }
}
