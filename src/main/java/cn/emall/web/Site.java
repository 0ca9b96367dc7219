package cn.emall.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** What every page shows of the e-mall, as {@code {inject:site.name}} in the templates. */
@Named("site")
@ApplicationScoped
public class Site {

    /** The htmx the pages load, from the htmx.org webjar (its version is the pom's {@code htmx.version}). */
    public static final String HTMX = "/webjars/htmx.org/2.0.4/dist/htmx.min.js";

    private final WebConfig config;

    public Site(WebConfig config) {
        this.config = config;
    }

    public String name() {
        return config.siteName();
    }

    public String operator() {
        return config.operator();
    }

    public String htmx() {
        return HTMX;
    }
}
