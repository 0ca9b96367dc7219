package cn.emall.text;

import java.util.Locale;

/** A value that holds {@link Text}s and is worded in the reader's language before it is shown. */
public interface Localizable {

    /** This value as the reader sees it, in the language of {@code locale}. */
    Object in(Locale locale);
}
