package cn.emall.platform.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Set;

import cn.emall.platform.time.RealTime;

/** Issues signed access tokens (RS256); smallrye-jwt verifies them on every request. */
@ApplicationScoped
public class TokenService {

    private final SecurityConfig config;
    private final Clock realClock;

    public TokenService(SecurityConfig config, @RealTime Clock realClock) {
        this.config = config;
        this.realClock = realClock;
    }

    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    public IssuedToken issue(String username, String role, Long supplierId) {
        long now = realClock.instant().getEpochSecond();
        long lifetime = config.tokenLifetime().toSeconds();
        var builder = Jwt.upn(username).subject(username).groups(Set.of(role)).issuedAt(now).expiresAt(now + lifetime);
        if (supplierId != null) {
            builder.claim(CurrentUser.SUPPLIER_ID_CLAIM, supplierId);
        }
        return new IssuedToken(builder.sign(), lifetime);
    }
}
