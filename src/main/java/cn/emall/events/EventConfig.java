package cn.emall.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The change feed ({@code emall.events.*}). */
@ConfigMapping(prefix = "emall.events")
public interface EventConfig {

    /** How long events are kept in the feed; an older cursor answers 410. */
    @WithDefault("P90D")
    Duration retention();
}
