package cn.emall.account;

import cn.emall.platform.security.Roles;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Creates the first officer from {@code emall.bootstrap-officer.*} when it does not exist yet. Outside
 * dev and test the documented default password is refused at start; with no password configured one
 * is generated, stored as a bcrypt hash only, and shown once in the log.
 */
@ApplicationScoped
public class BootstrapOfficer {

    private static final Logger LOG = Logger.getLogger(BootstrapOfficer.class);

    /** The first officer's credentials. */
    @ConfigMapping(prefix = "emall.bootstrap-officer")
    public interface Config {
        /** The first officer's username. */
        String username();

        /**
         * Its password on the start that creates it. Unset (production): generated and shown once in
         * the log. The documented default is refused outside the dev and test profiles.
         */
        Optional<String> password();
    }

    void onStart(@Observes StartupEvent event, AccountService accounts, Config config) {
        BootstrapPassword.Choice choice;
        try {
            choice = BootstrapPassword.choose(config.password(), LaunchMode.current().isDevOrTest());
        } catch (BootstrapPassword.DocumentedDefaultRefused refused) {
            LOG.error(refused.getMessage());
            throw refused;
        }
        String username = config.username().trim();
        if (!accounts.createIfAbsent(username, choice.password(), Roles.OFFICER)) {
            return;
        }
        if (choice.generated()) {
            LOG.warnf("Created the bootstrap officer '%s' with the generated password %s%n"
                    + "It is shown only this once and stored only as a hash. Log in with it and change it: "
                    + "PUT /api/v1/accounts/me/password {\"currentPassword\": \"...\", \"newPassword\": \"...\"}. "
                    + "To choose the first password yourself, set emall.bootstrap-officer.password "
                    + "(EMALL_BOOTSTRAP_OFFICER_PASSWORD) before the first start.", username, choice.password());
        } else {
            LOG.infof("Created the bootstrap officer '%s'", username);
        }
    }
}
