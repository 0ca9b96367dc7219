package cn.emall.platform.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts an embedded PostgreSQL when no datasource is configured, and points the datasource at it.
 *
 * <p>Set {@code quarkus.datasource.jdbc.url} (or {@code QUARKUS_DATASOURCE_JDBC_URL}) to use an
 * external database instead; {@code emall.embedded-db.enabled=false} switches the embedded one
 * off altogether (the tests start their own).
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, URL) || !enabled(context) || isBuildTime()) {
            return List.of();
        }
        Path dataDir = Path.of(value(context, "emall.data-dir", "data"), "postgres");
        int port = Integer.parseInt(value(context, "emall.embedded-db.port", "15432"));
        String url = EmbeddedDatabase.start(dataDir, port);
        return List.of(new PropertiesConfigSource(Map.of(
                URL, url,
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER),
                "embedded-postgresql", 150));
    }

    /**
     * The build (augmentation) reads configuration too, through the same factories; it needs no
     * database, so none is started for it. Build steps live in io.quarkus.deployment (dev mode's own
     * launcher excepted, which runs the application).
     */
    public static boolean isBuildTime() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .anyMatch(name -> name.startsWith("io.quarkus.deployment.") && !name.startsWith("io.quarkus.deployment.dev.")));
    }

    private static boolean enabled(ConfigSourceContext context) {
        return Boolean.parseBoolean(value(context, "emall.embedded-db.enabled", "true"));
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** A property as the active profile sees it: {@code %test.name} before {@code name}. */
    public static String value(ConfigSourceContext context, String name, String fallback) {
        for (String profile : context.getProfiles()) {
            ConfigValue value = context.getValue("%" + profile + "." + name);
            if (value != null && value.getValue() != null) {
                return value.getValue();
            }
        }
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
