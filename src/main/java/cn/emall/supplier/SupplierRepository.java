package cn.emall.supplier;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SupplierRepository implements PanacheRepository<Supplier> {

    /** The pending or active account of a credit code, if any (there is at most one). */
    public Optional<Supplier> findLive(String creditCode) {
        return find("creditCode = ?1 and status in ?2", creditCode,
                List.of(SupplierStatus.PENDING, SupplierStatus.ACTIVE)).firstResultOptional();
    }

    /** The latest termination of a credit code, if any. */
    public Optional<Supplier> findLatestTermination(String creditCode) {
        return find("creditCode = ?1 and status = ?2 order by suspendedUntil desc", creditCode,
                SupplierStatus.TERMINATED).firstResultOptional();
    }

    public record Search(SupplierStatus status, String text) {
    }

    public List<Supplier> search(Search search, int page, int size) {
        return query(search).page(Page.of(page, size)).list();
    }

    public long count(Search search) {
        return query(search).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Supplier> query(Search search) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (search.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", search.status());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (lower(name) like :text escape '\\' or creditCode like :code escape '\\')");
            String escaped = cn.emall.platform.web.Params.likeLiteral(search.text().trim());
            parameters.and("text", "%" + escaped.toLowerCase(java.util.Locale.ROOT) + "%");
            parameters.and("code", escaped.toUpperCase(java.util.Locale.ROOT) + "%");
        }
        return find(where.toString(), Sort.by("id"), parameters);
    }
}
