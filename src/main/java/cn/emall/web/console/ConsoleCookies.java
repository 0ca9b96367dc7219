package cn.emall.web.console;

import jakarta.ws.rs.core.UriInfo;

/**
 * The console's cookies as Set-Cookie values: HttpOnly, SameSite=Strict, for the console's paths
 * only, and Secure when the request came over HTTPS, directly or through a proxy that says so
 * ({@code X-Forwarded-Proto: https}). They carry no Max-Age: closing the browser ends them, and the
 * session's own times end it sooner.
 */
final class ConsoleCookies {

    private ConsoleCookies() {
    }

    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    static String set(Sessions.Cookie cookie, String path, boolean secure) {
        return cookie.name() + "=" + cookie.value() + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The cookie removed (signing out, or a session that has ended). */
    static String remove(String name, String path, boolean secure) {
        return name + "=; Path=" + path + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    static boolean secure(UriInfo uri, String forwarded) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || (forwarded != null && "https".equalsIgnoreCase(forwarded.split(",")[0].trim()));
    }
}
