package cn.emall.account;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    /** Usernames are case-insensitive. */
    public Optional<Account> findByUsername(String username) {
        return find("upper(username) = upper(?1)", username.trim()).firstResultOptional();
    }
}
