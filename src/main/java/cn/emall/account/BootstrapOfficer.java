package cn.emall.account;

import cn.emall.platform.security.Roles;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the first officer from {@code emall.bootstrap-officer.*} when it does not exist yet. */
@ApplicationScoped
public class BootstrapOfficer {

    private static final Logger LOG = Logger.getLogger(BootstrapOfficer.class);

    /** The first officer's credentials; change the password in production. */
    @ConfigMapping(prefix = "emall.bootstrap-officer")
    public interface Config {
        String username();

        String password();
    }

    void onStart(@Observes StartupEvent event, AccountService accounts, Config config) {
        if (accounts.createIfAbsent(config.username(), config.password(), Roles.OFFICER)) {
            LOG.infof("Created the bootstrap officer '%s'", config.username().trim());
        }
    }
}
