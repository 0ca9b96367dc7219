package cn.emall.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import cn.emall.platform.db.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class ProductRepository implements PanacheRepository<Product> {

    public record Search(Long supplierId, ProductStatus status, String categoryCode, String text) {
    }

    private final Jdbc jdbc;

    public ProductRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A search's conditions as an SQL where clause (empty when there are none) and its parameters. */
    private record Condition(String where, List<Object> parameters) {
    }

    private static Condition condition(Search search) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (search.supplierId() != null) {
            conditions.add("supplier_id = ?");
            parameters.add(search.supplierId());
        }
        if (search.status() != null) {
            conditions.add("status = ?");
            parameters.add(search.status().name());
        }
        if (search.categoryCode() != null && !search.categoryCode().isBlank()) {
            conditions.add("category_code = ?");
            parameters.add(search.categoryCode().trim());
        }
        if (search.text() != null && !search.text().isBlank()) {
            conditions.add("(lower(name) like ? escape '\\' or lower(brand) like ? escape '\\' or lower(model) like ? escape '\\')");
            String pattern = "%" + cn.emall.platform.web.Params.likeLiteral(search.text().trim().toLowerCase(Locale.ROOT)) + "%";
            parameters.addAll(List.of(pattern, pattern, pattern));
        }
        return new Condition(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }

    /** How many listings match the search. */
    public long count(Search search) {
        Condition condition = condition(search);
        return jdbc.count("select count(*) from product" + condition.where(), condition.parameters().toArray());
    }

    /**
     * One page of the search's matches, in id order, read in plain SQL (search is the busiest request).
     * The page's ids are found first from the index alone ((category_code, status, id) answers the usual
     * search with an index-only scan), and only then are the page's rows read: a page deep in a
     * category skips index entries, not rows.
     */
    public List<Product> page(Search search, int page, int size) {
        Condition condition = condition(search);
        List<Object> parameters = new ArrayList<>(condition.parameters());
        parameters.add(size);
        parameters.add((long) page * size);
        return jdbc.list("select id, supplier_id, category_code, brand, model, name, price, parameters, status, listed_on, "
                        + "taken_down_on, takedown_reason from product where id in (select id from product" + condition.where()
                        + " order by id limit ? offset ?) order by id",
                ProductRepository::detached, parameters.toArray());
    }

    /** A listing read for display only: not managed, never written back. */
    private static Product detached(ResultSet rs) throws SQLException {
        Product p = new Product();
        p.id = rs.getLong("id");
        p.supplierId = rs.getLong("supplier_id");
        p.categoryCode = rs.getString("category_code");
        p.brand = rs.getString("brand");
        p.model = rs.getString("model");
        p.name = rs.getString("name");
        p.price = rs.getBigDecimal("price");
        p.parametersJson = rs.getString("parameters");
        p.status = ProductStatus.valueOf(rs.getString("status"));
        p.listedOn = rs.getObject("listed_on", LocalDate.class);
        p.takenDownOn = rs.getObject("taken_down_on", LocalDate.class);
        p.takedownReason = rs.getString("takedown_reason");
        return p;
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
