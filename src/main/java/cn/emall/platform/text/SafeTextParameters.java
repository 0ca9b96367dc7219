package cn.emall.platform.text;

import cn.emall.platform.error.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Query and path parameters pass {@link SafeText} before a resource sees them (a search for
 * {@code q=%00} would otherwise reach PostgreSQL): a refused value answers 400 naming the parameter.
 */
public class SafeTextParameters {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        checkAll(uri.getPathParameters(true));
        checkAll(uri.getQueryParameters(true));
    }

    private static void checkAll(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            SafeText.problem(name).ifPresent(problem -> {
                throw ProblemException.invalid("query", problem);
            });
            for (String value : parameter.getValue()) {
                SafeText.problem(value).ifPresent(problem -> {
                    throw ProblemException.invalid(name, problem);
                });
            }
        }
    }
}
