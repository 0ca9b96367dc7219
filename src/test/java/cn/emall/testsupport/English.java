package cn.emall.testsupport;

import cn.emall.text.Catalogue;
import cn.emall.text.Text;

/** How a text of the rules reads in English, so that a test can say what the reader is told. */
public final class English {

    private English() {
    }

    public static String of(Text text) {
        return text == null ? null : text.in(Catalogue.ENGLISH);
    }

    /** A field and what is wrong with it, as {@code field: message}. */
    public static String of(String field, Text message) {
        return field + ": " + of(message);
    }
}
