package cn.emall.credit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The credit evaluation (信用考评). */
@ConfigMapping(prefix = "emall.credit")
public interface CreditConfig {

    /** The score every evaluation year (1 January to 31 December) starts from. */
    @WithDefault("100")
    int base();
}
