package cn.emall.hardening;

import cn.emall.web.console.SignedIn;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The console's routes, read from its resource classes: what the access test calls without a session. */
final class ConsoleRoutes {

    /** Where the console's classes are compiled to. */
    private static final Path CLASSES = Path.of("target/classes/cn/emall/web/console");
    private static final String PACKAGE = "cn.emall.web.console.";

    /** The one console resource open to anyone: the sign-in form itself. */
    static final String SIGN_IN = "/console/login";

    private ConsoleRoutes() {
    }

    /** Every GET and POST under /console but the sign-in page's, as {method, path} with each {placeholder} filled with 1. */
    static List<String[]> all() {
        List<String[]> routes = new ArrayList<>();
        for (Class<?> resource : resources()) {
            String root = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            if (root.equals(SIGN_IN)) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = (root + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("\\{[^}]+}", "1");
                routes.add(new String[]{verb, path});
            }
        }
        routes.sort(Comparator.comparing((String[] r) -> r[1]).thenComparing(r -> r[0]));
        return routes;
    }

    /** Console resources that the session gate does not cover. */
    static List<String> outsideTheGate() {
        return resources().stream().filter(c -> !c.getAnnotation(jakarta.ws.rs.Path.class).value().equals(SIGN_IN))
                .filter(c -> !c.isAnnotationPresent(SignedIn.class)).map(Class::getName).toList();
    }

    /** The classes of the console's package that are resources under /console, read from the compiled classes. */
    private static List<Class<?>> resources() {
        try (var files = Files.list(CLASSES)) {
            List<Class<?>> resources = new ArrayList<>();
            for (Path file : files.map(Path::getFileName).filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                Class<?> type = Class.forName(PACKAGE + file.toString().replace(".class", ""), false,
                        Thread.currentThread().getContextClassLoader());
                jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (path != null && path.value().startsWith("/console")) {
                    resources.add(type);
                }
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
