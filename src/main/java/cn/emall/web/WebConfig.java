package cn.emall.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the web pages name the e-mall and its operator. */
@ConfigMapping(prefix = "emall.web")
public interface WebConfig {

    /** The e-mall's name, in the header of every page and as the title of the board's feed. */
    @WithDefault("政府采购电子卖场")
    String siteName();

    /** The operator (运营管理机构) that publishes the board: the author of its feed and the footer of every page. */
    @WithDefault("电子卖场运营管理机构")
    String operator();
}
