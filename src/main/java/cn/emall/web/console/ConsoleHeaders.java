package cn.emall.web.console;

import cn.emall.platform.error.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What every answer under /console carries: {@code Cache-Control: no-store} (an officer's pages stay out
 * of every cache and the back button after signing out), a content security policy that lets the pages
 * load only what the service serves, and the session cookie renewed by this request. A problem that a
 * console request ran into (a service's refusal, an unknown page) is shown as the console's error page
 * instead of the API's JSON.
 */
public class ConsoleHeaders {

    /** The console's pages frame only the service's own documents (the materials' preview); nothing frames them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final ConsoleSession console;

    public ConsoleHeaders(ConsoleSession console) {
        this.console = console;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals(ConsoleLinks.HOME) || path.startsWith(ConsoleLinks.HOME + "/"))) {
            return;
        }
        if (response.getEntity() instanceof Problem problem) {
            var page = ConsolePages.error(problem);
            response.setEntity(page.getEntity(), new Annotation[0], MediaType.valueOf(ConsolePages.HTML));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, "zh-CN");
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.putSingle("Pragma", "no-cache");
        headers.putIfAbsent("Content-Security-Policy", List.of(CONTENT_SECURITY_POLICY));
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        if (console.active() && console.renewed() != null && !headers.containsKey(HttpHeaders.SET_COOKIE)) {
            boolean secure = ConsoleCookies.secure(request.getUriInfo(),
                    request.getHeaderString(ConsoleCookies.FORWARDED_PROTO));
            headers.add(HttpHeaders.SET_COOKIE, ConsoleCookies.set(console.renewed(), ConsoleLinks.HOME, secure));
        }
    }
}
