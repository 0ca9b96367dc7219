package cn.emall.account;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The first officer's password on a start that creates the account. Outside dev and test the
 * password documented in the README is refused (anyone could log in with it); with none configured
 * a random one is generated, to be shown once.
 */
final class BootstrapPassword {

    /** The password the README and the dev and test profiles use. */
    static final String DOCUMENTED_DEFAULT = "officer-change-me";
    static final int GENERATED_LENGTH = 24;
    /** Letters and digits that cannot be mistaken for each other when copied from a log. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** The password to create the account with, and whether it was generated (and must be shown). */
    record Choice(String password, boolean generated) {
        @Override
        public String toString() {
            return generated ? "Choice[generated]" : "Choice[configured]";
        }
    }

    /** The packaged service refuses to start with the documented password. */
    static final class DocumentedDefaultRefused extends IllegalStateException {
        DocumentedDefaultRefused() {
            super("emall.bootstrap-officer.password is the documented default '" + DOCUMENTED_DEFAULT
                    + "', which anyone can look up: the service does not start with it. Set emall.bootstrap-officer.password"
                    + " (EMALL_BOOTSTRAP_OFFICER_PASSWORD) to a password of your own, or leave it unset"
                    + " to have one generated on the first start and shown once in the log.");
        }
    }

    private BootstrapPassword() {
    }

    /**
     * The password for a new bootstrap officer: the configured one, else a generated one. Decided on
     * every start, so that outside dev and test the documented default is refused whether or not the
     * account exists already.
     */
    static Choice choose(Optional<String> configured, boolean devOrTest, RandomGenerator random) {
        if (!devOrTest && configured.map(String::strip).filter(DOCUMENTED_DEFAULT::equals).isPresent()) {
            throw new DocumentedDefaultRefused();
        }
        return configured.filter(p -> !p.isBlank()).map(p -> new Choice(p, false))
                .orElseGet(() -> new Choice(generate(random), true));
    }

    static Choice choose(Optional<String> configured, boolean devOrTest) {
        return choose(configured, devOrTest, new SecureRandom());
    }

    static String generate(RandomGenerator random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
