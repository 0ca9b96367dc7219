package cn.emall.hardening;

import cn.emall.web.console.SignedIn;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The console's routes, read from its resource classes: what the access test calls without a session. */
final class ConsoleRoutes {

    /** The one console resource open to anyone: the sign-in form itself. */
    static final String SIGN_IN = "/console/login";

    private ConsoleRoutes() {
    }

    /** Every GET and POST under /console but the sign-in page's, as {method, path} with each {placeholder} filled with 1. */
    static List<String[]> all() {
        List<String[]> routes = new ArrayList<>();
        for (Class<?> resource : resources()) {
            String root = resource.getAnnotation(Path.class).value();
            if (root.equals(SIGN_IN)) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = (root + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("\\{[^}]+}", "1");
                routes.add(new String[]{verb, path});
            }
        }
        routes.sort(Comparator.comparing((String[] r) -> r[1]).thenComparing(r -> r[0]));
        return routes;
    }

    /** Console resources that the session gate does not cover. */
    static List<String> outsideTheGate() {
        return resources().stream().filter(c -> !c.getAnnotation(Path.class).value().equals(SIGN_IN))
                .filter(c -> !c.isAnnotationPresent(SignedIn.class)).map(Class::getName).toList();
    }

    private static List<Class<?>> resources() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.emall.web.console").stream()
                .filter(c -> c.isAnnotatedWith(Path.class)).map(JavaClass::reflect)
                .filter(c -> c.getAnnotation(Path.class).value().startsWith("/console"))
                .<Class<?>>map(c -> c).toList();
    }
}
