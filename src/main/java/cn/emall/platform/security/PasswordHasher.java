package cn.emall.platform.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * bcrypt hashes for stored passwords. bcrypt reads at most 72 bytes; a longer password (25 Chinese
 * characters are 75 bytes of UTF-8) is first reduced with SHA-512, so that all of it counts and
 * neither hashing nor checking it fails. Passwords of up to 72 bytes hash as plain bcrypt.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final String decoy;

    public PasswordHasher(SecurityConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = hash("decoy password for unknown users");
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return verifyer.verify(password.toCharArray(), hash).verified;
    }

    /** Spends the same time as a real check, so an unknown user answers as slowly as a known one. */
    public void matchDecoy(String password) {
        matches(password, decoy);
    }
}
