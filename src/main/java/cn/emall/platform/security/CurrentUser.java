package cn.emall.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling: username, role and, for a supplier, its supplier id (from the token). */
@RequestScoped
public class CurrentUser {

    static final String SUPPLIER_ID_CLAIM = "supplierId";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentUser(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public boolean isOfficer() {
        return identity.hasRole(Roles.OFFICER);
    }

    public boolean isSupplier() {
        return identity.hasRole(Roles.SUPPLIER);
    }

    /** The caller's own supplier id, when the caller is a supplier. */
    public Optional<Long> supplierId() {
        if (!isSupplier()) {
            return Optional.empty();
        }
        Object claim = token.getClaim(SUPPLIER_ID_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(Long.parseLong(claim.toString()));
    }

    /**
     * Whether the caller may see the given supplier's objects: officers see all, a supplier only its
     * own. Callers answer 404 otherwise, so that another supplier's object is not revealed to exist.
     */
    public boolean maySee(long supplierId) {
        return isOfficer() || supplierId().map(own -> own == supplierId).orElse(false);
    }
}
