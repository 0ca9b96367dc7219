package cn.emall.web.console;

import cn.emall.platform.time.RealTime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's sessions, held by the browser and nothing else: the cookie carries the officer, when
 * the session began and when it was last used, and a random nonce, signed with HMAC-SHA256. Any
 * instance that shares the secret reads it, so no table and no sticky sessions are needed. The CSRF
 * token is derived from the nonce, so it is the same for the whole session and unknown to other sites.
 *
 * <p>Expiry is checked on the real clock (never the sandbox clock, which tests and demos move):
 * {@link ConsoleConfig#idleTimeout()} after the last request, {@link ConsoleConfig#absoluteTimeout()}
 * after signing in. Signing out removes the cookie from the browser; a copy kept elsewhere stops working
 * at its idle expiry, because only requests renew it.
 */
@ApplicationScoped
public class Sessions {

    /** The session cookie. */
    static final String COOKIE = "emall_console";
    /** The sign-in form's cookie, which ties its CSRF token to this browser before a session exists. */
    static final String SIGN_IN_COOKIE = "emall_console_signin";

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One session as its cookie carries it. */
    record Session(String officer, Instant began, Instant lastUsed, String nonce) {
    }

    /** A cookie to set: its value, or null to remove it. */
    record Cookie(String name, String value) {
    }

    private final ConsoleConfig config;
    private final Clock realClock;
    private final byte[] secret;

    public Sessions(ConsoleConfig config, @RealTime Clock realClock, Config all) {
        this.config = config;
        this.realClock = realClock;
        this.secret = secret(config, all);
    }

    /** A new session for the officer, beginning now. */
    Cookie begin(String officer) {
        Instant now = realClock.instant();
        return new Cookie(COOKIE, encode(new Session(officer, now, now, nonce())));
    }

    /** The session, counting this request as use: empty when the cookie is absent, forged or expired. */
    Optional<Session> read(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        return decode(cookie).filter(session -> live(session, realClock.instant()))
                .map(session -> new Session(session.officer(), session.began(), realClock.instant(), session.nonce()));
    }

    /** Whether the cookie named a session that has expired (rather than none, or a forged one). */
    boolean expired(String cookie) {
        return cookie != null && decode(cookie).filter(session -> !live(session, realClock.instant())).isPresent();
    }

    Cookie renew(Session session) {
        return new Cookie(COOKIE, encode(session));
    }

    /** The session's CSRF token. */
    String csrf(Session session) {
        return BASE64.encodeToString(sign("csrf|" + session.nonce()));
    }

    /** A fresh sign-in cookie value, whose token the sign-in form carries. */
    String signInNonce() {
        return nonce();
    }

    /** The sign-in form's CSRF token for its cookie. */
    String signInToken(String nonce) {
        return BASE64.encodeToString(sign("sign-in|" + nonce));
    }

    /** Compares a sent token with the expected one in constant time. */
    static boolean same(String sent, String expected) {
        return sent != null && expected != null
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The cookie's value for a session: officer, beginning, last use and nonce, then their signature. */
    String encode(Session session) {
        String body = BASE64.encodeToString(session.officer().getBytes(StandardCharsets.UTF_8)) + "."
                + session.began().getEpochSecond() + "." + session.lastUsed().getEpochSecond() + "." + session.nonce();
        return body + "." + BASE64.encodeToString(sign("session|" + body));
    }

    private Optional<Session> decode(String cookie) {
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        if (!same(parts[4], BASE64.encodeToString(sign("session|" + body)))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Session(new String(UNBASE64.decode(parts[0]), StandardCharsets.UTF_8),
                    Instant.ofEpochSecond(Long.parseLong(parts[1])), Instant.ofEpochSecond(Long.parseLong(parts[2])), parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean live(Session session, Instant now) {
        return now.isBefore(session.lastUsed().plus(config.idleTimeout()))
                && now.isBefore(session.began().plus(config.absoluteTimeout()));
    }

    private byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    /** The configured secret, else one derived from the token signing key, else a random one for this start. */
    private static byte[] secret(ConsoleConfig config, Config all) {
        if (config.sessionSecret().isPresent()) {
            String configured = config.sessionSecret().get();
            if (configured.length() < 32) {
                throw new IllegalStateException("emall.console.session-secret must have at least 32 characters");
            }
            return digest("emall-console-session|" + configured);
        }
        Optional<String> signingKey = all.getOptionalValue("smallrye.jwt.sign.key.location", String.class)
                .flatMap(Sessions::keyFile);
        if (signingKey.isPresent()) {
            return digest("emall-console-session|" + signingKey.get());
        }
        LOG.warn("No emall.console.session-secret and no token signing key file: console sessions end when this "
                + "instance stops, and other instances do not accept them");
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return random;
    }

    /** The key file's text, from a path or from the class path (as smallrye-jwt reads the location). */
    private static Optional<String> keyFile(String location) {
        String name = location.startsWith("file:") ? location.substring("file:".length()) : location;
        try {
            Path file = Path.of(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file));
            }
            String resource = name.startsWith("classpath:") ? name.substring("classpath:".length()) : name;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the token signing key " + location, e);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
