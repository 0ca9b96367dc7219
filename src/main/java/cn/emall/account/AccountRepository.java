package cn.emall.account;

import cn.emall.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    private static final List<String> STAFF_ROLES = Arrays.stream(StaffRole.values()).map(Enum::name).toList();

    /** The staff accounts (officers and the order system), by username; a supplier's login is not one. */
    public List<Account> staff(PageRequest paging) {
        return find("role in ?1 order by upper(username), id", STAFF_ROLES).page(paging.page(), paging.size()).list();
    }

    public long staffCount() {
        return count("role in ?1", STAFF_ROLES);
    }

    public Optional<Account> staffAccount(long id) {
        return find("id = ?1 and role in ?2", id, STAFF_ROLES).firstResultOptional();
    }

    /** Usernames are case-insensitive. */
    public Optional<Account> findByUsername(String username) {
        return find("upper(username) = upper(?1)", username.trim()).firstResultOptional();
    }
}
