package cn.emall.platform.error;

import cn.emall.text.Catalogue;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Problems for what never reaches a resource method: unknown paths, bodies over the limit,
 * failures in the HTTP layer, in the request's language. Without this Vert.x would answer with its own
 * plain text.
 */
@ApplicationScoped
public class RouterProblems {

    private final long maxBodyBytes;

    public RouterProblems(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
                          io.quarkus.runtime.configuration.MemorySize maxBody) {
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBodyBytes) {
                ctx.response().headers().add("Connection", "close");
                write(ctx, 413);
            } else {
                ctx.next();
            }
        });
        for (int status : new int[] {400, 404, 405, 413, 414, 415, 431, 500}) {
            router.errorHandler(status, ctx -> write(ctx, status));
        }
    }

    void onStart(@Observes StartupEvent event) {
        // The observer above installs the handlers; this keeps the bean eagerly created.
    }

    private static void write(RoutingContext ctx, int status) {
        write(ctx, HttpProblems.forStatus(status));
    }

    /** Answers the problem from a route handler, in the request's language. */
    public static void write(RoutingContext ctx, ProblemException e) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Locale locale = Catalogue.negotiate(ctx.request().getHeader("Accept-Language"));
        Problem problem = e.toProblem(locale);
        e.headers().forEach(ctx.response()::putHeader);
        ctx.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag())
                .end(Json.encode(problem));
    }
}
