package cn.emall.ledger;

import cn.emall.ledger.model.SalesFactChanges;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps the nightly rules' sales facts ({@code sales_daily}, the net per listing and day of sale) in
 * step with the ledger, in the transaction that records the lines: three statements a batch at most.
 */
@ApplicationScoped
class SalesFactsUpkeep {

    private static final String ADD = "insert into sales_daily (product_id, day, supplier_id, net_amount, net_quantity) "
            + "select * from unnest(?::bigint[], ?::text[]::date[], ?::bigint[], ?::text[]::numeric[], ?::bigint[]) "
            + "on conflict (product_id, day) do update set net_amount = sales_daily.net_amount + excluded.net_amount, "
            + "net_quantity = sales_daily.net_quantity + excluded.net_quantity";

    /**
     * A decrease (returns) always finds the row of its original sale; an insert would trip the
     * non-negative check before ON CONFLICT could add it up, so decreases are plain updates.
     */
    private static final String TAKE_AWAY = "update sales_daily d set net_amount = d.net_amount + u.amount, "
            + "net_quantity = d.net_quantity + u.quantity "
            + "from unnest(?::bigint[], ?::text[]::date[], ?::bigint[], ?::text[]::numeric[], ?::bigint[]) "
            + "as u(product_id, day, supplier_id, amount, quantity) where d.product_id = u.product_id and d.day = u.day";

    void apply(Connection connection, SalesFactChanges changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        lockExisting(connection, changes.all());
        write(connection, ADD, changes.increases());
        write(connection, TAKE_AWAY, changes.decreases());
    }

    /**
     * Locks the fact rows the changes touch, in key order, before changing any: the increases and the
     * decreases are two statements, and without this two batches could lock the same rows in
     * opposite orders.
     */
    private static void lockExisting(Connection connection, List<SalesFactChanges.Change> changes) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select 1 from sales_daily d join unnest(?::bigint[], ?::text[]::date[]) "
                + "as k(product_id, day) on d.product_id = k.product_id and d.day = k.day "
                + "order by d.product_id, d.day for update of d")) {
            s.setArray(1, connection.createArrayOf("int8", changes.stream().map(SalesFactChanges.Change::productId).toArray(Long[]::new)));
            s.setArray(2, connection.createArrayOf("varchar", changes.stream().map(change -> change.day().toString()).toArray(String[]::new)));
            s.executeQuery().close();
        }
    }

    private static void write(Connection connection, String sql, List<SalesFactChanges.Change> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        Long[] product = new Long[n];
        String[] day = new String[n];
        Long[] supplier = new Long[n];
        String[] amount = new String[n];
        Long[] quantity = new Long[n];
        for (int i = 0; i < n; i++) {
            SalesFactChanges.Change change = changes.get(i);
            product[i] = change.productId();
            day[i] = change.day().toString();
            supplier[i] = change.supplierId();
            amount[i] = change.amount().toPlainString();
            quantity[i] = change.quantity();
        }
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setArray(1, connection.createArrayOf("int8", product));
            s.setArray(2, connection.createArrayOf("varchar", day));
            s.setArray(3, connection.createArrayOf("int8", supplier));
            s.setArray(4, connection.createArrayOf("varchar", amount));
            s.setArray(5, connection.createArrayOf("int8", quantity));
            s.executeUpdate();
        }
    }
}
