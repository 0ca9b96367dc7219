package cn.emall.web.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The officers' console's sessions. */
@ConfigMapping(prefix = "emall.console")
public interface ConsoleConfig {

    /** A session ends after this long without a request. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** A session ends this long after signing in, however busy. */
    @WithDefault("PT8H")
    Duration absoluteTimeout();

    /**
     * The secret that signs the session cookies and CSRF tokens (at least 32 characters). Unset, it is
     * derived from the token signing key ({@code smallrye.jwt.sign.key.location}), which every instance
     * of one installation shares; with neither, each start draws its own and sessions end on restart.
     */
    Optional<String> sessionSecret();
}
