package cn.emall.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.ZoneId;

/** Settings every capability shares: business time, the sandbox clock, storage. */
@ConfigMapping(prefix = "emall")
public interface PlatformConfig {

    /** The zone of every business date (SPEC "Time"). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The sandbox clock of API.md: never on in production. */
    Sandbox sandbox();

    /** Where the embedded database and the generated token signing key live. */
    @WithDefault("data")
    String dataDir();

    /** The embedded PostgreSQL, used when no quarkus.datasource.jdbc.url is configured. */
    EmbeddedDb embeddedDb();

    interface Sandbox {
        /** When true, officers may move the business clock through /api/v1/sandbox/clock. */
        @WithName("clock-control")
        @WithDefault("false")
        boolean clockControl();
    }

    interface EmbeddedDb {
        /** Start an embedded PostgreSQL when no datasource URL is configured. */
        @WithDefault("true")
        boolean enabled();

        /** Its port. */
        @WithDefault("15432")
        int port();
    }
}
