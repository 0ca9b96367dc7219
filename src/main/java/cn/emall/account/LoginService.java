package cn.emall.account;

import cn.emall.audit.AuditTrail;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.PasswordHasher;
import cn.emall.platform.security.SecurityConfig;
import cn.emall.platform.security.TokenService;
import cn.emall.platform.time.RealTime;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks credentials: to issue tokens, and before an account's password is changed. Wrong
 * credentials answer the same whether the user exists or not; after {@code max-failed-logins}
 * failures in a row a username (known or not) is locked for {@code lockout}, on the real clock.
 */
@ApplicationScoped
public class LoginService {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final SecurityConfig config;
    private final EntityManager em;
    private final Clock realClock;
    private final AuditTrail audit;

    public LoginService(AccountRepository accounts, PasswordHasher hasher, TokenService tokens, SecurityConfig config,
                        EntityManager em, @RealTime Clock realClock, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
        this.hasher = hasher;
        this.tokens = tokens;
        this.config = config;
        this.em = em;
        this.realClock = realClock;
    }

    /** Who signed in: the account's username, role and, for a supplier, its supplier id. */
    public record SignedIn(String username, String role, Long supplierId) {
    }

    /** Checks the credentials, with the lock-out, and issues an access token. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenService.IssuedToken login(String rawUsername, String password) {
        SignedIn account = authenticate(rawUsername, password);
        return tokens.issue(account.username(), account.role(), account.supplierId());
    }

    /**
     * Checks the credentials, with the lock-out, and answers whose they are: the officers' console signs
     * in with this, so that it counts failures and locks usernames exactly as the token endpoint does.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public SignedIn authenticate(String rawUsername, String password) {
        String username = normalize(rawUsername);
        Instant now = realClock.instant();
        Optional<Instant> lockedUntil = lockedUntil(username, now);
        if (lockedUntil.isPresent()) {
            throw locked(lockedUntil.get(), now);
        }
        Optional<Account> account = accounts.findByUsername(username);
        boolean valid = account.map(a -> hasher.matches(password, a.passwordHash)).orElseGet(() -> {
            hasher.matchDecoy(password);
            return false;
        });
        if (!valid) {
            recordFailure(username, now);
            throw new ProblemException(401, "invalid-credentials", Msg.INVALID_CREDENTIALS_TITLE,
                    Msg.INVALID_CREDENTIALS_DETAIL.with());
        }
        em.createNativeQuery("delete from login_throttle where username = ?1").setParameter(1, username).executeUpdate();
        Account a = account.get();
        return new SignedIn(a.username, a.role, a.supplierId);
    }

    /**
     * Replaces the caller's own password after checking the current one, which counts as a login
     * attempt: a wrong one counts towards the lockout, so a stolen token cannot be used to guess it.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public void changePassword(String rawUsername, String currentPassword, String newPassword) {
        String username = normalize(rawUsername);
        Instant now = realClock.instant();
        Optional<Instant> lockedUntil = lockedUntil(username, now);
        if (lockedUntil.isPresent()) {
            throw locked(lockedUntil.get(), now);
        }
        Account account = accounts.findByUsername(username).orElseThrow(() -> ProblemException.notFound(Msg.THE_ACCOUNT.with()));
        if (!hasher.matches(currentPassword, account.passwordHash)) {
            recordFailure(username, now);
            throw ProblemException.invalid("currentPassword", Msg.NOT_CURRENT_PASSWORD.with());
        }
        if (newPassword.equals(currentPassword)) {
            throw ProblemException.invalid("newPassword", Msg.PASSWORD_UNCHANGED.with());
        }
        em.createNativeQuery("delete from login_throttle where username = ?1").setParameter(1, username).executeUpdate();
        account.passwordHash = hasher.hash(newPassword);
        audit.record(account.username, "PASSWORD_CHANGED", AuditTrail.subject("account", account.id), null,
                Map.of("username", account.username));
    }

    /** Usernames are case-insensitive: one throttle per username whatever its case. */
    static String normalize(String username) {
        return username.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private Optional<Instant> lockedUntil(String username, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select locked_until from login_throttle where username = ?1 "
                + "and locked_until > ?2").setParameter(1, username).setParameter(2, Timestamp.from(now)).getResultList();
        return rows.stream().findFirst().map(o -> o instanceof Timestamp t ? t.toInstant() : (Instant) o);
    }

    private void recordFailure(String username, Instant now) {
        em.createNativeQuery("insert into login_throttle (username, failures, locked_until) values (?1, 1, null) "
                        + "on conflict (username) do update set "
                        + "failures = case when login_throttle.locked_until is not null then 1 else login_throttle.failures + 1 end, "
                        + "locked_until = null")
                .setParameter(1, username).executeUpdate();
        em.createNativeQuery("update login_throttle set locked_until = ?2 where username = ?1 and failures >= ?3")
                .setParameter(1, username)
                .setParameter(2, Timestamp.from(now.plus(config.lockout())))
                .setParameter(3, config.maxFailedLogins())
                .executeUpdate();
    }

    private static ProblemException locked(Instant until, Instant now) {
        long seconds = Math.max(1, until.getEpochSecond() - now.getEpochSecond());
        return new ProblemException(429, "login-locked", Msg.LOGIN_LOCKED_TITLE, Msg.LOGIN_LOCKED_DETAIL.with(seconds))
                .with("retryAfterSeconds", seconds).retryAfter(seconds);
    }
}
