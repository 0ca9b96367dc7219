package cn.emall.text;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The texts of the service in its two languages: {@code messages/texts.properties} in Chinese
 * (zh-CN, the default) and {@code messages/texts_en.properties} in English, one entry per {@link Msg}.
 * Entries are {@link MessageFormat} patterns, so an apostrophe is written twice ({@code ''}).
 * Arguments are shown as written, never as numbers of the locale: 10000 stays 10000, a
 * {@link BigDecimal} is shown plain, a day of the week in the reader's language and a list joined
 * with the language's separator.
 */
public final class Catalogue {

    /** The default language: every reader who does not ask for English reads Chinese. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    public static final Locale ENGLISH = Locale.ENGLISH;

    /** The languages there is a catalogue for, the default first. */
    public static final List<Locale> LANGUAGES = List.of(CHINESE, ENGLISH);

    /** The base name of the catalogues on the class path. */
    public static final String BUNDLE = "messages.texts";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Catalogue() {
    }

    /**
     * The language to answer a request in, from its {@code Accept-Language} header: the first range
     * by quality (q=0 excluded) that names English or Chinese; Chinese for {@code *}, for a header
     * that names neither, for no header and for one that cannot be read.
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return CHINESE;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("en")) {
                return ENGLISH;
            }
            if (language.equals("zh") || language.equals("*")) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    /** The catalogue of the language of {@code locale}: English for English, else Chinese. */
    public static ResourceBundle bundle(Locale locale) {
        Locale language = ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, language, Catalogue.class.getClassLoader(), NO_FALLBACK);
    }

    /** The entry's pattern in the language of {@code locale}. */
    public static String pattern(Msg msg, Locale locale) {
        try {
            return bundle(locale).getString(msg.name());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The catalogue " + BUNDLE + " for " + locale + " has no entry " + msg.name(), e);
        }
    }

    static String format(Text text, Locale locale) {
        Object[] shown = text.args().stream().map(arg -> shown(arg, locale)).toArray();
        return new MessageFormat(pattern(text.msg(), locale), locale).format(shown);
    }

    private static String shown(Object arg, Locale locale) {
        if (arg == null) {
            return "";
        }
        if (arg instanceof Localizable localizable) {
            return String.valueOf(localizable.in(locale));
        }
        if (arg instanceof Collection<?> items) {
            String separator = pattern(Msg.LIST_SEPARATOR, locale);
            return items.stream().map(item -> shown(item, locale)).collect(Collectors.joining(separator));
        }
        if (arg instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (arg instanceof DayOfWeek day) {
            return day.getDisplayName(TextStyle.FULL, locale.getLanguage().equals(ENGLISH.getLanguage()) ? ENGLISH : CHINESE);
        }
        return String.valueOf(arg);
    }
}
