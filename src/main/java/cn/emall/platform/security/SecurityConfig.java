package cn.emall.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Authentication settings. */
@ConfigMapping(prefix = "emall.security")
public interface SecurityConfig {

    /** How long an access token is valid. */
    @WithDefault("PT30M")
    Duration tokenLifetime();

    /** bcrypt work factor for stored passwords (4-31; each step doubles the cost). */
    @WithDefault("12")
    int bcryptCost();

    /** Consecutive failed logins for one username before it is locked. */
    @WithDefault("5")
    int maxFailedLogins();

    /** How long a username stays locked after too many failed logins. */
    @WithDefault("PT15M")
    Duration lockout();
}
