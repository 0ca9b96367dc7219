package cn.emall.enforcement.run;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** The nightly cleanup run's schedule and working sizes. */
@ConfigMapping(prefix = "emall.cleanup")
public interface CleanupConfig {

    /** When the nightly run starts (Asia/Shanghai); "off" switches the schedule off. */
    @WithDefault("0 0 1 * * ?")
    String cron();

    /** Subjects handled per transaction; a failing chunk is retried subject by subject. */
    @WithDefault("500")
    int chunkSize();

    /**
     * Chunks of one step worked on at once, each in its own transaction on its own connection. The
     * steps themselves run one after the other; a step's chunks hold disjoint subjects.
     */
    @WithDefault("2")
    @Min(1)
    int workers();

    /** Actions included in a report's JSON; the rest are paged at .../actions and in the downloads. */
    @WithDefault("1000")
    int reportActionLimit();
}
