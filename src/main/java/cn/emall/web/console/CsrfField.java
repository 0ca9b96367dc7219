package cn.emall.web.console;

/** Where a console form carries its CSRF token; htmx requests may send it in a header instead. */
final class CsrfField {

    static final String NAME = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private CsrfField() {
    }
}
