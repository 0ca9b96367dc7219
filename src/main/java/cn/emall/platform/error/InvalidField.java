package cn.emall.platform.error;

import cn.emall.text.Localizable;
import cn.emall.text.Text;

import java.util.Locale;

/**
 * One field of a request and the rule it broke, not yet worded; shown as a {@link FieldError} in the
 * reader's language.
 */
public record InvalidField(String field, Text message) implements Localizable {

    @Override
    public FieldError in(Locale locale) {
        return new FieldError(field, message.in(locale));
    }
}
