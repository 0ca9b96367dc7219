package cn.emall.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Limits on documents ({@code emall.documents.*}). */
@ConfigMapping(prefix = "emall.documents")
public interface DocumentConfig {

    /** The largest file accepted; a larger one is refused (413) before its body is read. */
    @WithDefault("20M")
    MemorySize maxSize();

    /** Uploads without a login (an applicant's) per client address in any hour; beyond it 429. */
    @WithDefault("30")
    @Min(1)
    int anonymousUploadsPerHour();

    /** How long an upload that nothing uses is kept before it is deleted. */
    @WithDefault("PT24H")
    Duration unusedKeptFor();
}
