package cn.emall.platform.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;

/** bcrypt hashes for stored passwords. */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    private final String decoy;

    public PasswordHasher(SecurityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = hash("decoy password for unknown users");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the same time as a real check, so an unknown user answers as slowly as a known one. */
    public void matchDecoy(String password) {
        matches(password, decoy);
    }
}
