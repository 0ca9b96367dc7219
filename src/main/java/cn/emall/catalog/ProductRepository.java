package cn.emall.catalog;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public record Search(Long supplierId, ProductStatus status, String categoryCode, String text) {
    }

    /** A search's conditions as a JPQL where clause (empty when there are none) and its parameters. */
    private record Condition(String where, Parameters parameters) {
    }

    private static Condition condition(Search search) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.supplierId() != null) {
            conditions.add("supplierId = :supplier");
            parameters.and("supplier", search.supplierId());
        }
        if (search.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", search.status());
        }
        if (search.categoryCode() != null && !search.categoryCode().isBlank()) {
            conditions.add("categoryCode = :category");
            parameters.and("category", search.categoryCode().trim());
        }
        if (search.text() != null && !search.text().isBlank()) {
            conditions.add("(lower(name) like :text escape '\\' or lower(brand) like :text escape '\\'"
                    + " or lower(model) like :text escape '\\')");
            String escaped = cn.emall.platform.web.Params.likeLiteral(search.text().trim().toLowerCase(Locale.ROOT));
            parameters.and("text", "%" + escaped + "%");
        }
        return new Condition(String.join(" and ", conditions), parameters);
    }

    /** Every match of the search, in id order (for counting). */
    public PanacheQuery<Product> search(Search search) {
        Condition condition = condition(search);
        return condition.where().isEmpty() ? findAll(Sort.by("id")) : find(condition.where(), Sort.by("id"), condition.parameters());
    }

    /**
     * One page of the search's matches, in id order. The page's ids are found first, from the index
     * alone ((category_code, status, id) answers the usual search with an index-only scan), and only
     * then are the page's rows read: a page deep in a category then skips index entries, not rows.
     */
    public List<Product> page(Search search, int page, int size) {
        Condition condition = condition(search);
        TypedQuery<Long> ids = getEntityManager().createQuery("select p.id from Product p"
                + (condition.where().isEmpty() ? "" : " where " + condition.where()) + " order by p.id", Long.class);
        condition.parameters().map().forEach(ids::setParameter);
        List<Long> pageIds = ids.setFirstResult(page * size).setMaxResults(size).getResultList();
        return pageIds.isEmpty() ? List.of() : list("id in ?1", Sort.by("id"), pageIds);
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
