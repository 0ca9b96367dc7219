package cn.emall.web.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The console's own addresses that pages and filters build. */
final class ConsoleLinks {

    static final String HOME = "/console";
    static final String SIGN_IN = "/console/login";

    private ConsoleLinks() {
    }

    /** /console/login, with the page to return to and whether the last session expired. */
    static URI signIn(String next, boolean expired) {
        StringBuilder url = new StringBuilder(SIGN_IN);
        String separator = "?";
        if (next != null && !next.equals(HOME)) {
            url.append(separator).append("next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
            separator = "&";
        }
        if (expired) {
            url.append(separator).append("expired=1");
        }
        return URI.create(url.toString());
    }

    /**
     * Where to go after signing in: {@code next} when it is a console page of this service (a path
     * under /console, never another site's address nor the sign-in page itself), else the dashboard.
     */
    static String afterSignIn(String next) {
        if (next == null || !(next.equals(HOME) || next.startsWith(HOME + "/") || next.startsWith(HOME + "?"))
                || next.startsWith(SIGN_IN) || next.contains("\\") || next.contains("//")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return HOME;
        }
        return next;
    }
}
