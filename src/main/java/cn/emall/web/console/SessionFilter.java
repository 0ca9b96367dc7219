package cn.emall.web.console;

import cn.emall.platform.error.ProblemException;
import cn.emall.text.Msg;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The gate of every {@link SignedIn} page: without a live session a page request goes to the sign-in
 * page (with {@code next} to come back to), an htmx request is told to go there; with one, the session
 * is renewed and handed to the page as {@link ConsoleSession}, and a request that changes state must
 * carry the session's CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}) or is
 * answered 403.
 */
public class SessionFilter {

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Sessions sessions;
    private final ConsoleSession console;

    public SessionFilter(Sessions sessions, ConsoleSession console) {
        this.sessions = sessions;
        this.console = console;
    }

    @SignedIn
    @WithFormRead
    @ServerRequestFilter
    public Optional<Response> gate(ContainerRequestContext request, UriInfo uri) {
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        Optional<Sessions.Session> session = sessions.read(value);
        boolean safe = SAFE.contains(request.getMethod());
        if (session.isEmpty()) {
            return Optional.of(toSignIn(request, uri, safe, sessions.expired(value)));
        }
        String csrf = sessions.csrf(session.get());
        console.signedIn(session.get(), csrf, sessions.renew(session.get()));
        if (!safe && !Sessions.same(sentToken(request), csrf)) {
            return Optional.of(ConsolePages.error(new ProblemException(403, "csrf",
                    Msg.FORBIDDEN_TITLE, Msg.CONSOLE_CSRF_REFUSED.with())));
        }
        return Optional.empty();
    }

    /** The sign-in page, with the page asked for as {@code next} when it was a page (a GET). */
    private static Response toSignIn(ContainerRequestContext request, UriInfo uri, boolean page, boolean expired) {
        String next = page ? uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()) : null;
        URI signIn = ConsoleLinks.signIn(next, expired);
        if ("true".equals(request.getHeaderString("HX-Request"))) {
            return Response.ok().header("HX-Redirect", signIn.toString()).build();
        }
        return Response.seeOther(signIn).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String sentToken(ContainerRequestContext request) {
        String header = request.getHeaderString(CsrfField.HEADER);
        if (header != null) {
            return header;
        }
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        Object field = context.getFormParameter(CsrfField.NAME, true, false);
        return field == null ? null : field.toString();
    }
}
