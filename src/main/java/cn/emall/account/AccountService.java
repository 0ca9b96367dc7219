package cn.emall.account;

import cn.emall.audit.AuditTrail;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.PasswordHasher;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Map;

/** Creates officer and order-system accounts, and binds a supplier's login to its application. */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;

    public AccountService(AccountRepository accounts, PasswordHasher hasher, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account createStaff(String actor, String rawUsername, String password, String role) {
        String username = rawUsername.trim();
        if (accounts.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("duplicate-account", Msg.DUPLICATE_ACCOUNT_TITLE,
                    Msg.DUPLICATE_ACCOUNT_DETAIL.with(username));
        }
        Account account = newAccount(username, password, role, null);
        audit.record(actor, "ACCOUNT_CREATED", AuditTrail.subject("account", account.id), null,
                Map.of("username", username, "role", role));
        return account;
    }

    /**
     * The login of a supplier that applies: its credit code and chosen password. A code that
     * applied before (rejected, or terminated and past its suspension) keeps its username and gets
     * the new password and the new application.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bindSupplierLogin(String creditCode, String password, long supplierId) {
        var existing = accounts.findByUsername(creditCode);
        if (existing.isEmpty()) {
            newAccount(creditCode, password, "SUPPLIER", supplierId);
            return;
        }
        Account account = existing.get();
        if (account.supplierId == null) {
            throw ProblemException.conflict("duplicate-account", Msg.DUPLICATE_ACCOUNT_TITLE,
                    Msg.USERNAME_TAKEN_BY_STAFF.with(creditCode));
        }
        account.supplierId = supplierId;
        account.passwordHash = hasher.hash(password);
    }

    /** Creates the account unless one with that username exists; answers whether it did. */
    @Transactional
    public boolean createIfAbsent(String rawUsername, String password, String role) {
        String username = rawUsername.trim();
        if (accounts.findByUsername(username).isPresent()) {
            return false;
        }
        Account account = newAccount(username, password, role, null);
        audit.record("system", "ACCOUNT_CREATED", AuditTrail.subject("account", account.id), null,
                Map.of("username", username, "role", role));
        return true;
    }

    private Account newAccount(String username, String password, String role, Long supplierId) {
        Account account = new Account();
        account.username = username;
        account.passwordHash = hasher.hash(password);
        account.role = role;
        account.supplierId = supplierId;
        account.createdAt = clock.instant();
        accounts.persistAndFlush(account);
        return account;
    }
}
