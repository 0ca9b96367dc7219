package cn.emall.platform.imports;

import cn.emall.text.Localizable;
import cn.emall.text.Text;

import java.util.Locale;

/**
 * One problem with one line of an import, not yet worded; shown as a {@link LineError} in the
 * reader's language.
 *
 * @param line    the line's number in the file (see {@link LineError#line()})
 * @param field   the field or CSV column concerned, {@code null} when the whole line is unreadable
 * @param message what is wrong
 */
public record LineProblem(int line, String field, Text message) implements Localizable {

    @Override
    public LineError in(Locale locale) {
        return new LineError(line, field, message.in(locale));
    }
}
