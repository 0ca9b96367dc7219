package cn.emall.catalog;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public record Search(Long supplierId, ProductStatus status, String categoryCode, String text) {
    }

    public PanacheQuery<Product> search(Search search) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (search.supplierId() != null) {
            where.append(" and supplierId = :supplier");
            parameters.and("supplier", search.supplierId());
        }
        if (search.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", search.status());
        }
        if (search.categoryCode() != null && !search.categoryCode().isBlank()) {
            where.append(" and categoryCode = :category");
            parameters.and("category", search.categoryCode().trim());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (lower(name) like :text escape '\\' or lower(brand) like :text escape '\\'"
                    + " or lower(model) like :text escape '\\')");
            String escaped = cn.emall.platform.web.Params.likeLiteral(search.text().trim().toLowerCase(Locale.ROOT));
            parameters.and("text", "%" + escaped + "%");
        }
        return find(where.toString(), Sort.by("id"), parameters);
    }

    public boolean liveModelExists(long supplierId, String brand, String model, Long exceptId) {
        return count("supplierId = ?1 and upper(brand) = upper(?2) and upper(model) = upper(?3) and status in ?4"
                        + (exceptId == null ? "" : " and id <> ?5"),
                exceptId == null
                        ? new Object[] {supplierId, brand, model, java.util.List.of(ProductStatus.LISTED, ProductStatus.TAKEN_DOWN)}
                        : new Object[] {supplierId, brand, model, java.util.List.of(ProductStatus.LISTED, ProductStatus.TAKEN_DOWN), exceptId})
                > 0;
    }
}
