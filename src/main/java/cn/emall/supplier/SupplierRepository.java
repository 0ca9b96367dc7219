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

    /** The names of these suppliers, by id (for lists that show a supplier by name). */
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return find("id in ?1", java.util.Set.copyOf(ids)).stream()
                .collect(java.util.stream.Collectors.toMap(supplier -> supplier.id, supplier -> supplier.name));
    }

    /**
     * A search: the status, a text matching the name (contains) or the credit code (prefix), and a region
     * (contains: 包头市 finds 内蒙古自治区包头市); null for any.
     */
    public record Search(SupplierStatus status, String text, String region) {

        public Search(SupplierStatus status, String text) {
            this(status, text, null);
        }
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
        if (search.region() != null && !search.region().isBlank()) {
            where.append(" and region like :region escape '\\'");
            parameters.and("region", "%" + cn.emall.platform.web.Params.likeLiteral(search.region().trim()) + "%");
        }
        return find(where.toString(), Sort.by("id"), parameters);
    }
}
