package cn.emall.ledger;

import cn.emall.ledger.model.LineKey;
import cn.emall.ledger.model.ReturnAllowance;
import cn.emall.ledger.model.SaleLine;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger's table, {@code sale_line}: its SQL and the mapping of its rows to lines. A batch's
 * lookups and its insert are one statement each, on the recording's connection, whatever the
 * number of lines.
 */
@ApplicationScoped
class SaleLineStore {

    /** A stored line with the key of the original it refers to: select it from {@link #LINE_WITH_ORIGINAL}. */
    private static final String LINE_COLUMNS = "l.id, l.order_no, l.line_no, l.supplier_id, l.product_id, l.buyer, "
            + "l.quantity, l.unit_price, l.amount, l.occurred_at, l.occurred_on, l.refers_to, o.order_no, o.line_no, l.recorded_at";
    private static final String LINE_WITH_ORIGINAL = " left join sale_line o on o.id = l.refers_to";

    /**
     * A line to store, with the stored sale a return refers to.
     *
     * @param original the original sale of a return; null for a sale
     */
    record NewLine(SaleLine content, StoredLine original) {
    }

    private final Jdbc jdbc;
    private final BusinessDates dates;

    SaleLineStore(Jdbc jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    /** The stored lines with these keys; a key not stored has no entry. */
    Map<LineKey, StoredLine> byKeys(Connection connection, List<LineKey> keys) throws SQLException {
        Map<LineKey, StoredLine> result = new HashMap<>();
        if (keys.isEmpty()) {
            return result;
        }
        try (PreparedStatement s = connection.prepareStatement("select " + LINE_COLUMNS + " from sale_line l "
                + "join unnest(?::varchar[], ?::int[]) as k(order_no, line_no) on l.order_no = k.order_no and l.line_no = k.line_no"
                + LINE_WITH_ORIGINAL)) {
            s.setArray(1, connection.createArrayOf("varchar", keys.stream().map(LineKey::orderNo).toArray(String[]::new)));
            s.setArray(2, connection.createArrayOf("int4", keys.stream().map(LineKey::lineNo).toArray(Integer[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredLine line = read(rs);
                    result.put(line.key(), line);
                }
            }
        }
        return result;
    }

    /**
     * The stored lines with these keys, locked in id order until the transaction ends: returns
     * against a line are then checked by one batch at a time.
     */
    Map<LineKey, StoredLine> lockByKeys(Connection connection, List<LineKey> keys) throws SQLException {
        Map<LineKey, StoredLine> result = byKeys(connection, keys);
        if (!result.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("select id from sale_line where id = any(?) order by id for update")) {
                s.setArray(1, connection.createArrayOf("int8", result.values().stream().map(l -> l.view().id()).toArray(Long[]::new)));
                s.executeQuery().close();
            }
        }
        return result;
    }

    /** What is left to return of each of these sales, by the sale's id, after the returns stored so far. */
    Map<Long, ReturnAllowance> returnAllowances(Connection connection, Collection<StoredLine> originals) throws SQLException {
        Map<Long, ReturnAllowance> result = new HashMap<>();
        if (originals.isEmpty()) {
            return result;
        }
        Map<Long, StoredLine> byId = new HashMap<>();
        originals.forEach(original -> byId.put(original.view().id(), original));
        try (PreparedStatement s = connection.prepareStatement("select refers_to, -sum(quantity), -sum(amount) from sale_line "
                + "where refers_to = any(?) group by refers_to")) {
            s.setArray(1, connection.createArrayOf("int8", byId.keySet().toArray(Long[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getLong(1), new ReturnAllowance(byId.get(rs.getLong(1)).content(), rs.getLong(2), rs.getBigDecimal(3)));
                }
            }
        }
        byId.forEach((id, original) -> result.computeIfAbsent(id, none -> new ReturnAllowance(original.content(), 0, BigDecimal.ZERO)));
        return result;
    }

    /**
     * Inserts the lines in key order, so that two batches that share keys wait for each other in the
     * same order instead of deadlocking on the unique index. A key stored meanwhile by another batch
     * is left as it is.
     *
     * @return the lines stored now, as the insert wrote them (without reading them back), by key
     */
    Map<LineKey, StoredLine> insert(Connection connection, List<NewLine> unordered) throws SQLException {
        Map<LineKey, StoredLine> inserted = new HashMap<>();
        if (unordered.isEmpty()) {
            return inserted;
        }
        List<NewLine> lines = unordered.stream()
                .sorted(Comparator.comparing((NewLine l) -> l.content().key().orderNo()).thenComparing(l -> l.content().key().lineNo()))
                .toList();
        int n = lines.size();
        String[] orderNo = new String[n];
        Integer[] lineNo = new Integer[n];
        Long[] supplier = new Long[n];
        Long[] product = new Long[n];
        String[] buyer = new String[n];
        Integer[] quantity = new Integer[n];
        String[] unitPrice = new String[n];
        String[] amount = new String[n];
        String[] occurredAt = new String[n];
        String[] occurredOn = new String[n];
        Long[] refersTo = new Long[n];
        Map<LineKey, NewLine> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            NewLine line = lines.get(i);
            SaleLine content = line.content();
            orderNo[i] = content.key().orderNo();
            lineNo[i] = content.key().lineNo();
            supplier[i] = content.supplierId();
            product[i] = content.productId();
            buyer[i] = content.buyer();
            quantity[i] = content.quantity();
            unitPrice[i] = content.unitPrice().toPlainString();
            amount[i] = content.amount().toPlainString();
            occurredAt[i] = content.occurredInstant().toString();
            occurredOn[i] = content.occurredOn().toString();
            refersTo[i] = line.original() == null ? null : line.original().view().id();
            byKey.put(content.key(), line);
        }
        try (PreparedStatement s = connection.prepareStatement("insert into sale_line (order_no, line_no, supplier_id, product_id, buyer, "
                + "quantity, unit_price, amount, occurred_at, occurred_on, refers_to, recorded_at) "
                + "select t.*, ? from unnest(?::varchar[], ?::int[], ?::bigint[], ?::bigint[], ?::varchar[], ?::int[], "
                + "?::text[]::numeric[], ?::text[]::numeric[], ?::text[]::timestamptz[], ?::text[]::date[], ?::bigint[]) "
                + "as t(order_no, line_no, supplier_id, product_id, buyer, quantity, unit_price, amount, occurred_at, occurred_on, refers_to) "
                + "on conflict (order_no, line_no) do nothing returning id, order_no, line_no")) {
            Instant recordedAt = dates.now().truncatedTo(SaleLine.TIME_PRECISION);
            s.setTimestamp(1, Timestamp.from(recordedAt));
            s.setArray(2, connection.createArrayOf("varchar", orderNo));
            s.setArray(3, connection.createArrayOf("int4", lineNo));
            s.setArray(4, connection.createArrayOf("int8", supplier));
            s.setArray(5, connection.createArrayOf("int8", product));
            s.setArray(6, connection.createArrayOf("varchar", buyer));
            s.setArray(7, connection.createArrayOf("int4", quantity));
            s.setArray(8, connection.createArrayOf("varchar", unitPrice));
            s.setArray(9, connection.createArrayOf("varchar", amount));
            s.setArray(10, connection.createArrayOf("varchar", occurredAt));
            s.setArray(11, connection.createArrayOf("varchar", occurredOn));
            s.setArray(12, connection.createArrayOf("int8", refersTo));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    LineKey key = new LineKey(rs.getString(2), rs.getInt(3));
                    inserted.put(key, asInserted(rs.getLong(1), byKey.get(key), recordedAt));
                }
            }
        }
        return inserted;
    }

    /** A page of lines by business date of the sale, oldest id first; a null filter matches every line. */
    PageResponse<SaleLineView> page(Long supplierId, Long productId, LocalDate from, LocalDate to, PageRequest paging) {
        String where = " where (?::bigint is null or l.supplier_id = ?) and (?::bigint is null or l.product_id = ?)"
                + " and (?::date is null or l.occurred_on >= ?) and (?::date is null or l.occurred_on <= ?)";
        Object[] filter = {supplierId, supplierId, productId, productId, from, from, to, to};
        long total = jdbc.count("select count(*) from sale_line l" + where, filter);
        List<SaleLineView> items = jdbc.list("select " + LINE_COLUMNS + " from sale_line l" + LINE_WITH_ORIGINAL + where
                        + " order by l.id limit " + paging.size() + " offset " + paging.offset(),
                rs -> read(rs).view(), filter);
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /** One line by its id, with the line it returns when it is a return. */
    Optional<SaleLineView> find(long id) {
        return jdbc.list("select " + LINE_COLUMNS + " from sale_line l" + LINE_WITH_ORIGINAL + " where l.id = ?",
                rs -> read(rs).view(), id).stream().findFirst();
    }

    /** The line as the insert wrote it: the buyer trimmed, the amounts to 2 decimals, times to the ledger's precision. */
    private StoredLine asInserted(long id, NewLine line, Instant recordedAt) {
        SaleLine content = line.content();
        StoredLine original = line.original();
        SaleLineView.Ref ref = original == null ? null
                : new SaleLineView.Ref(original.view().id(), original.view().orderNo(), original.view().lineNo());
        SaleLineView view = new SaleLineView(id, content.key().orderNo(), content.key().lineNo(), content.supplierId(),
                content.productId(), content.buyer(), content.quantity(), content.unitPrice().setScale(2),
                content.amount().setScale(2), dates.local(content.occurredInstant()), ref, dates.local(recordedAt));
        return new StoredLine(view, content.occurredOn());
    }

    /** Reads a line selected with {@link #LINE_COLUMNS}. */
    private StoredLine read(ResultSet rs) throws SQLException {
        long refersTo = rs.getLong(12);
        SaleLineView.Ref ref = rs.wasNull() ? null : new SaleLineView.Ref(refersTo, rs.getString(13), rs.getInt(14));
        SaleLineView view = new SaleLineView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getInt(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                dates.local(rs.getTimestamp(10).toInstant()), ref, dates.local(rs.getTimestamp(15).toInstant()));
        return new StoredLine(view, rs.getObject(11, LocalDate.class));
    }
}
