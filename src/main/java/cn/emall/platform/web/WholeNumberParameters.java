package cn.emall.platform.web;

import cn.emall.platform.error.ProblemException;
import cn.emall.text.Msg;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;

/**
 * A whole-number query parameter ({@code ?page=2}) whose value is not one answers 400 naming the
 * parameter, before the resource is called: JAX-RS would answer 404, as if the resource did not exist.
 */
public class WholeNumberParameters {

    @ServerRequestFilter
    public void check(UriInfo uri, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            Class<?> type = parameter.getType();
            if (query == null || !(type == Integer.class || type == int.class || type == Long.class || type == long.class)) {
                continue;
            }
            for (String value : uri.getQueryParameters(true).getOrDefault(query.value(), List.of())) {
                if (!isWholeNumber(value.trim(), type == Integer.class || type == int.class)) {
                    throw ProblemException.invalid(query.value(), Msg.MUST_BE_WHOLE_NUMBER.with());
                }
            }
        }
    }

    private static boolean isWholeNumber(String value, boolean fitsAnInt) {
        try {
            if (fitsAnInt) {
                Integer.parseInt(value);
            } else {
                Long.parseLong(value);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
