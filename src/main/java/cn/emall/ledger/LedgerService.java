package cn.emall.ledger;

import cn.emall.platform.error.FieldError;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Records ledger lines (SPEC "Sales ledger"): append-only, idempotent on (order number, line
 * number), returns never above their original (also when two arrive at once: the original line is
 * locked while returns against it are checked), and the nightly rules' sales facts
 * ({@code sales_daily}) kept up to date in the same transaction. Work is set-based: a batch of
 * lines costs a handful of statements, not one per line.
 */
@ApplicationScoped
public class LedgerService {

    /** Live lines from the order system, or a historical import. */
    public enum Mode {
        /** The supplier must be ACTIVE now and admitted by the day of the sale. */
        LIVE,
        /** The supplier must have been active on the day of the sale (admitted, not yet terminated). */
        IMPORT
    }

    static final String LINE_COLUMNS = "l.id, l.order_no, l.line_no, l.supplier_id, l.product_id, l.buyer, "
            + "l.quantity, l.unit_price, l.amount, l.occurred_at, l.occurred_on, l.refers_to, o.order_no, o.line_no, l.recorded_at";

    private final AgroalDataSource dataSource;
    private final Validator validator;
    private final BusinessDates dates;

    public LedgerService(AgroalDataSource dataSource, Validator validator, BusinessDates dates) {
        this.dataSource = dataSource;
        this.validator = validator;
        this.dates = dates;
    }

    /** Records the lines in order, in one transaction; every line gets its own outcome. */
    @Transactional
    public List<Outcome> record(List<SaleLineRequest> lines, Mode mode) {
        try (Connection c = dataSource.getConnection()) {
            return new Batch(c, lines, mode).run();
        } catch (SQLException e) {
            throw new IllegalStateException("Recording ledger lines failed", e);
        }
    }

    /** One line's progress through a batch. */
    private static final class Work {
        final SaleLineRequest line;
        final LocalDate day;
        Outcome outcome;
        StoredLine original;
        StoredLine created;
        Work duplicateOf;

        Work(SaleLineRequest line, LocalDate day) {
            this.line = line;
            this.day = day;
        }

        Key key() {
            return new Key(line.orderNo(), line.lineNo());
        }
    }

    private record Key(String orderNo, int lineNo) {
    }

    /** Facts are written in key order, so that concurrent batches lock rows in the same order. */
    private record FactKey(long product, LocalDate day) {
    }

    private static final Comparator<FactKey> FACT_ORDER = Comparator.comparingLong(FactKey::product).thenComparing(FactKey::day);

    private record SupplierFacts(String status, LocalDate admittedOn, LocalDate terminatedOn) {
    }

    private record StoredLine(SaleLineView view, LocalDate day) {
    }

    private final class Batch {
        private final Connection c;
        private final List<Work> work = new ArrayList<>();
        private final Mode mode;

        Batch(Connection c, List<SaleLineRequest> lines, Mode mode) {
            this.c = c;
            this.mode = mode;
            for (SaleLineRequest line : lines) {
                Work w = new Work(line, line == null || line.occurredAt() == null ? null : dates.dateOf(line.occurredAt().toInstant()));
                w.outcome = shapeProblem(line).map(p -> (Outcome) new Outcome.Refused(p)).orElse(null);
                work.add(w);
            }
        }

        List<Outcome> run() throws SQLException {
            settleRepeatedKeys();
            checkSuppliersAndProducts(pending(w -> true));
            insert(pending(w -> !w.line.isReturn()));
            checkReturns(pending(w -> w.line.isReturn()));
            insert(pending(w -> w.line.isReturn()));
            recordFacts();
            settleDuplicatesWithinBatch();
            return work.stream().map(w -> w.outcome).toList();
        }

        private List<Work> pending(java.util.function.Predicate<Work> filter) {
            return work.stream().filter(w -> w.outcome == null && w.duplicateOf == null && filter.test(w)).toList();
        }

        /** Keys already stored, or repeated within the batch: the same content is answered with the stored line. */
        private void settleRepeatedKeys() throws SQLException {
            List<Work> candidates = pending(w -> true);
            Map<Key, StoredLine> stored = fetchByKeys(candidates.stream().map(Work::key).distinct().toList());
            Map<Key, Work> firstInBatch = new HashMap<>();
            for (Work w : candidates) {
                StoredLine existing = stored.get(w.key());
                if (existing != null) {
                    w.outcome = compare(w.line, existing.view());
                    continue;
                }
                Work first = firstInBatch.putIfAbsent(w.key(), w);
                if (first != null) {
                    if (sameContent(w.line, first.line)) {
                        w.duplicateOf = first;
                    } else {
                        w.outcome = new Outcome.Refused(idempotencyConflict(w.line));
                    }
                }
            }
        }

        private void checkSuppliersAndProducts(List<Work> lines) throws SQLException {
            Map<Long, SupplierFacts> suppliers = lockSuppliers(lines.stream().map(w -> w.line.supplierId()).distinct().toList());
            Map<Long, Long> productOwner = productOwners(lines.stream().map(w -> w.line.productId()).distinct().toList());
            for (Work w : lines) {
                SaleLineRequest line = w.line;
                SupplierFacts supplier = suppliers.get(line.supplierId());
                Long owner = productOwner.get(line.productId());
                if (supplier == null) {
                    w.outcome = refused("supplierId", "is not a known supplier");
                } else if (owner == null || !owner.equals(line.supplierId())) {
                    w.outcome = refused("productId", "is not a listing of supplier " + line.supplierId());
                } else if (!line.isReturn()) {
                    w.outcome = activityProblem(supplier, w.day).map(p -> (Outcome) new Outcome.Refused(p)).orElse(null);
                }
            }
        }

        private java.util.Optional<ProblemException> activityProblem(SupplierFacts supplier, LocalDate day) {
            if (supplier.admittedOn() == null || day.isBefore(supplier.admittedOn())) {
                return java.util.Optional.of(new ProblemException(409, "supplier-not-active", "Supplier not active",
                        "The supplier was not admitted on " + day
                                + (supplier.admittedOn() == null ? "" : " (admitted on " + supplier.admittedOn() + ")") + ".",
                        List.of(new FieldError("occurredAt", "is before the supplier's admission"))));
            }
            if (mode == Mode.LIVE && !"ACTIVE".equals(supplier.status())) {
                return java.util.Optional.of(new ProblemException(409, "supplier-not-active", "Supplier not active",
                        "The supplier is " + supplier.status() + "; sales are recorded only for ACTIVE suppliers."));
            }
            if (supplier.terminatedOn() != null && !day.isBefore(supplier.terminatedOn())) {
                return java.util.Optional.of(new ProblemException(409, "supplier-not-active", "Supplier not active",
                        "The supplier was terminated on " + supplier.terminatedOn() + ", before this sale on " + day + "."));
            }
            return java.util.Optional.empty();
        }

        private void checkReturns(List<Work> returns) throws SQLException {
            if (returns.isEmpty()) {
                return;
            }
            Map<Key, StoredLine> originals = lockOriginals(returns.stream()
                    .map(w -> new Key(w.line.refersTo().orderNo(), w.line.refersTo().lineNo())).distinct().toList());
            // With its sale locked, a return that another batch stored meanwhile is visible: it is a
            // retry, answered as one, not counted again against its sale.
            Map<Key, StoredLine> storedMeanwhile = fetchByKeys(returns.stream().map(Work::key).toList());
            returns = returns.stream().filter(w -> {
                StoredLine existing = storedMeanwhile.get(w.key());
                if (existing != null) {
                    w.outcome = compare(w.line, existing.view());
                }
                return existing == null;
            }).toList();
            Map<Long, long[]> returnedQuantity = new HashMap<>();
            Map<Long, BigDecimal> returnedAmount = new HashMap<>();
            loadReturnedSoFar(originals.values().stream().map(o -> o.view().id()).toList(), returnedQuantity, returnedAmount);
            for (Work w : returns) {
                SaleLineRequest line = w.line;
                StoredLine original = originals.get(new Key(line.refersTo().orderNo(), line.refersTo().lineNo()));
                if (original == null) {
                    w.outcome = refused("refersTo", "is not a line of the ledger");
                    continue;
                }
                SaleLineView o = original.view();
                if (o.quantity() < 0) {
                    w.outcome = refused("refersTo", "is itself a return; refer to the original sale");
                } else if (o.supplierId() != line.supplierId() || o.productId() != line.productId()) {
                    w.outcome = refused("refersTo", "is a line of another supplier or listing");
                } else if (line.occurredAt().toInstant().isBefore(o.occurredAt().toInstant())) {
                    w.outcome = refused("occurredAt", "is before the original sale (" + o.occurredAt() + ")");
                } else {
                    long[] quantitySoFar = returnedQuantity.computeIfAbsent(o.id(), id -> new long[1]);
                    BigDecimal amountSoFar = returnedAmount.getOrDefault(o.id(), BigDecimal.ZERO);
                    long remainingQuantity = o.quantity() - quantitySoFar[0];
                    BigDecimal remainingAmount = o.amount().subtract(amountSoFar);
                    if (-line.quantity() > remainingQuantity || line.amount().negate().compareTo(remainingAmount) > 0) {
                        w.outcome = new Outcome.Refused(new ProblemException(409, "over-return", "Return exceeds the original",
                                "Line " + o.orderNo() + "/" + o.lineNo() + " has " + remainingQuantity + " unit(s) and "
                                        + remainingAmount.toPlainString() + " CNY left to return.")
                                .with("remainingQuantity", remainingQuantity)
                                .with("remainingAmount", remainingAmount.toPlainString()));
                    } else {
                        quantitySoFar[0] += -line.quantity();
                        returnedAmount.put(o.id(), amountSoFar.add(line.amount().negate()));
                        w.original = original;
                    }
                }
            }
        }

        /**
         * Inserts in key order: two batches that share keys then wait for each other in the same
         * order instead of deadlocking on the unique index.
         */
        private void insert(List<Work> unordered) throws SQLException {
            if (unordered.isEmpty()) {
                return;
            }
            List<Work> lines = unordered.stream()
                    .sorted(Comparator.comparing((Work w) -> w.line.orderNo()).thenComparing(w -> w.line.lineNo())).toList();
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
            for (int i = 0; i < n; i++) {
                SaleLineRequest line = lines.get(i).line;
                orderNo[i] = line.orderNo();
                lineNo[i] = line.lineNo();
                supplier[i] = line.supplierId();
                product[i] = line.productId();
                buyer[i] = line.buyer().trim();
                quantity[i] = line.quantity();
                unitPrice[i] = line.unitPrice().toPlainString();
                amount[i] = line.amount().toPlainString();
                occurredAt[i] = stored(line.occurredAt()).toString();
                occurredOn[i] = lines.get(i).day.toString();
                refersTo[i] = lines.get(i).original == null ? null : lines.get(i).original.view().id();
            }
            Map<Key, StoredLine> inserted = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("insert into sale_line (order_no, line_no, supplier_id, product_id, buyer, "
                    + "quantity, unit_price, amount, occurred_at, occurred_on, refers_to, recorded_at) "
                    + "select t.*, ? from unnest(?::varchar[], ?::int[], ?::bigint[], ?::bigint[], ?::varchar[], ?::int[], "
                    + "?::text[]::numeric[], ?::text[]::numeric[], ?::text[]::timestamptz[], ?::text[]::date[], ?::bigint[]) "
                    + "as t(order_no, line_no, supplier_id, product_id, buyer, quantity, unit_price, amount, occurred_at, occurred_on, refers_to) "
                    + "on conflict (order_no, line_no) do nothing returning id, order_no, line_no")) {
                java.time.Instant recordedAt = dates.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                s.setTimestamp(1, Timestamp.from(recordedAt));
                s.setArray(2, array("varchar", orderNo));
                s.setArray(3, array("int4", lineNo));
                s.setArray(4, array("int8", supplier));
                s.setArray(5, array("int8", product));
                s.setArray(6, array("varchar", buyer));
                s.setArray(7, array("int4", quantity));
                s.setArray(8, array("varchar", unitPrice));
                s.setArray(9, array("varchar", amount));
                s.setArray(10, array("varchar", occurredAt));
                s.setArray(11, array("varchar", occurredOn));
                s.setArray(12, array("int8", refersTo));
                Map<Key, Work> byKey = new HashMap<>();
                lines.forEach(w -> byKey.put(w.key(), w));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Key key = new Key(rs.getString(2), rs.getInt(3));
                        inserted.put(key, storedFromRequest(rs.getLong(1), byKey.get(key), recordedAt));
                    }
                }
            }
            List<Key> raced = lines.stream().map(Work::key).filter(k -> !inserted.containsKey(k)).toList();
            Map<Key, StoredLine> stored = fetchByKeys(raced);
            for (Work w : lines) {
                StoredLine line = inserted.get(w.key());
                if (line != null) {
                    w.created = line;
                    w.outcome = new Outcome.Created(line.view());
                } else {
                    w.outcome = compare(w.line, stored.get(w.key()).view());
                }
            }
        }

        /** The stored line as the insert wrote it, without reading it back. */
        private StoredLine storedFromRequest(long id, Work w, java.time.Instant recordedAt) {
            SaleLineRequest line = w.line;
            SaleLineView.Ref ref = w.original == null ? null
                    : new SaleLineView.Ref(w.original.view().id(), w.original.view().orderNo(), w.original.view().lineNo());
            SaleLineView view = new SaleLineView(id, line.orderNo(), line.lineNo(), line.supplierId(), line.productId(),
                    line.buyer().trim(), line.quantity(), line.unitPrice().setScale(2), line.amount().setScale(2),
                    dates.local(stored(line.occurredAt())), ref, dates.local(recordedAt));
            return new StoredLine(view, w.day);
        }

        /** The nightly rules' facts: the net per listing and day of the (original) sale. */
        private void recordFacts() throws SQLException {
            Map<FactKey, Object[]> facts = new TreeMap<>(FACT_ORDER);
            for (Work w : work) {
                if (w.created != null) {
                    SaleLineView line = w.created.view();
                    LocalDate day = w.original == null ? w.day : w.original.day();
                    Object[] sums = facts.computeIfAbsent(new FactKey(line.productId(), day),
                            k -> new Object[] {line.supplierId(), BigDecimal.ZERO, 0L});
                    sums[1] = ((BigDecimal) sums[1]).add(line.amount());
                    sums[2] = (Long) sums[2] + line.quantity();
                }
            }
            if (facts.isEmpty()) {
                return;
            }
            Map<FactKey, Object[]> increases = new TreeMap<>(FACT_ORDER);
            Map<FactKey, Object[]> decreases = new TreeMap<>(FACT_ORDER);
            facts.forEach((k, v) -> (((BigDecimal) v[1]).signum() < 0 || (Long) v[2] < 0 ? decreases : increases).put(k, v));
            lockExistingFacts(facts.keySet());
            // A decrease (returns) always finds the row of its original sale; an insert would trip the
            // non-negative check before ON CONFLICT could add it up, so decreases are plain updates.
            applyFacts("insert into sales_daily (product_id, day, supplier_id, net_amount, net_quantity) "
                    + "select * from unnest(?::bigint[], ?::text[]::date[], ?::bigint[], ?::text[]::numeric[], ?::bigint[]) "
                    + "on conflict (product_id, day) do update set net_amount = sales_daily.net_amount + excluded.net_amount, "
                    + "net_quantity = sales_daily.net_quantity + excluded.net_quantity", increases);
            applyFacts("update sales_daily d set net_amount = d.net_amount + u.amount, net_quantity = d.net_quantity + u.quantity "
                    + "from unnest(?::bigint[], ?::text[]::date[], ?::bigint[], ?::text[]::numeric[], ?::bigint[]) "
                    + "as u(product_id, day, supplier_id, amount, quantity) where d.product_id = u.product_id and d.day = u.day",
                    decreases);
        }

        /**
         * Locks the fact rows this batch changes, in key order, before changing any: the increases and
         * the decreases are two statements, and without this two batches could lock the same rows in
         * opposite orders.
         */
        private void lockExistingFacts(java.util.Set<FactKey> keys) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("select 1 from sales_daily d join unnest(?::bigint[], ?::text[]::date[]) "
                    + "as k(product_id, day) on d.product_id = k.product_id and d.day = k.day "
                    + "order by d.product_id, d.day for update of d")) {
                s.setArray(1, array("int8", keys.stream().map(FactKey::product).toArray(Long[]::new)));
                s.setArray(2, array("varchar", keys.stream().map(k -> k.day().toString()).toArray(String[]::new)));
                s.executeQuery().close();
            }
        }

        private void applyFacts(String sql, Map<FactKey, Object[]> facts) throws SQLException {
            if (facts.isEmpty()) {
                return;
            }
            int n = facts.size();
            Long[] product = new Long[n];
            String[] day = new String[n];
            Long[] supplier = new Long[n];
            String[] amount = new String[n];
            Long[] quantity = new Long[n];
            int i = 0;
            for (var e : facts.entrySet()) {
                product[i] = e.getKey().product();
                day[i] = e.getKey().day().toString();
                supplier[i] = (Long) e.getValue()[0];
                amount[i] = ((BigDecimal) e.getValue()[1]).toPlainString();
                quantity[i] = (Long) e.getValue()[2];
                i++;
            }
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, array("int8", product));
                s.setArray(2, array("varchar", day));
                s.setArray(3, array("int8", supplier));
                s.setArray(4, array("varchar", amount));
                s.setArray(5, array("int8", quantity));
                s.executeUpdate();
            }
        }

        /** A line repeated within the batch is answered as its first occurrence was, as already stored. */
        private void settleDuplicatesWithinBatch() {
            for (Work w : work) {
                if (w.duplicateOf != null) {
                    Outcome first = w.duplicateOf.outcome;
                    w.outcome = first instanceof Outcome.Created created ? new Outcome.AlreadyStored(created.line()) : first;
                }
            }
        }

        private Map<Long, SupplierFacts> lockSuppliers(List<Long> ids) throws SQLException {
            Map<Long, SupplierFacts> result = new HashMap<>();
            if (ids.isEmpty()) {
                return result;
            }
            try (PreparedStatement s = c.prepareStatement("select id, status, admitted_on, terminated_on from supplier "
                    + "where id = any(?) order by id for share")) {
                s.setArray(1, array("int8", ids.toArray(Long[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getLong(1), new SupplierFacts(rs.getString(2), localDate(rs, 3), localDate(rs, 4)));
                    }
                }
            }
            return result;
        }

        private Map<Long, Long> productOwners(List<Long> ids) throws SQLException {
            Map<Long, Long> result = new HashMap<>();
            if (ids.isEmpty()) {
                return result;
            }
            try (PreparedStatement s = c.prepareStatement("select id, supplier_id from product where id = any(?)")) {
                s.setArray(1, array("int8", ids.toArray(Long[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return result;
        }

        private Map<Key, StoredLine> lockOriginals(List<Key> keys) throws SQLException {
            Map<Key, StoredLine> result = fetchByKeys(keys);
            if (!result.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("select id from sale_line where id = any(?) order by id for update")) {
                    s.setArray(1, array("int8", result.values().stream().map(l -> l.view().id()).toArray(Long[]::new)));
                    s.executeQuery().close();
                }
            }
            return result;
        }

        private void loadReturnedSoFar(List<Long> originalIds, Map<Long, long[]> quantity, Map<Long, BigDecimal> amount)
                throws SQLException {
            if (originalIds.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("select refers_to, -sum(quantity), -sum(amount) from sale_line "
                    + "where refers_to = any(?) group by refers_to")) {
                s.setArray(1, array("int8", originalIds.toArray(Long[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        quantity.put(rs.getLong(1), new long[] {rs.getLong(2)});
                        amount.put(rs.getLong(1), rs.getBigDecimal(3));
                    }
                }
            }
        }

        private Map<Key, StoredLine> fetchByKeys(List<Key> keys) throws SQLException {
            Map<Key, StoredLine> result = new HashMap<>();
            if (keys.isEmpty()) {
                return result;
            }
            try (PreparedStatement s = c.prepareStatement("select " + LINE_COLUMNS + " from sale_line l "
                    + "join unnest(?::varchar[], ?::int[]) as k(order_no, line_no) on l.order_no = k.order_no and l.line_no = k.line_no "
                    + "left join sale_line o on o.id = l.refers_to")) {
                s.setArray(1, array("varchar", keys.stream().map(Key::orderNo).toArray(String[]::new)));
                s.setArray(2, array("int4", keys.stream().map(Key::lineNo).toArray(Integer[]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        StoredLine line = storedLine(rs, dates);
                        result.put(new Key(line.view().orderNo(), line.view().lineNo()), line);
                    }
                }
            }
            return result;
        }

        private Array array(String type, Object[] values) throws SQLException {
            return c.createArrayOf(type, values);
        }
    }

    private Outcome compare(SaleLineRequest line, SaleLineView stored) {
        return sameContent(line, stored) ? new Outcome.AlreadyStored(stored) : new Outcome.Refused(idempotencyConflict(line));
    }

    private static ProblemException idempotencyConflict(SaleLineRequest line) {
        return ProblemException.conflict("idempotency-conflict", "Line already recorded differently",
                "Order " + line.orderNo() + " line " + line.lineNo() + " is already in the ledger with other content; "
                        + "the ledger is append-only: record a return or a new line instead.");
    }

    private static boolean sameContent(SaleLineRequest a, SaleLineView b) {
        return Objects.equals(a.supplierId(), b.supplierId()) && Objects.equals(a.productId(), b.productId())
                && a.buyer().trim().equals(b.buyer()) && a.quantity() == b.quantity()
                && a.unitPrice().compareTo(b.unitPrice()) == 0 && a.amount().compareTo(b.amount()) == 0
                && stored(a.occurredAt()).equals(b.occurredAt().toInstant())
                && Objects.equals(a.refersTo() == null ? null : List.of(a.refersTo().orderNo(), a.refersTo().lineNo()),
                b.refersTo() == null ? null : List.of(b.refersTo().orderNo(), b.refersTo().lineNo()));
    }

    /** PostgreSQL keeps microseconds. */
    private static java.time.Instant stored(java.time.OffsetDateTime time) {
        return time.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static boolean sameContent(SaleLineRequest a, SaleLineRequest b) {
        return Objects.equals(a.supplierId(), b.supplierId()) && Objects.equals(a.productId(), b.productId())
                && a.buyer().trim().equals(b.buyer().trim()) && a.quantity().equals(b.quantity())
                && a.unitPrice().compareTo(b.unitPrice()) == 0 && a.amount().compareTo(b.amount()) == 0
                && stored(a.occurredAt()).equals(stored(b.occurredAt()))
                && Objects.equals(a.refersTo(), b.refersTo());
    }

    /** Shape and arithmetic of one line, before anything is looked up. */
    private java.util.Optional<ProblemException> shapeProblem(SaleLineRequest line) {
        if (line == null) {
            return java.util.Optional.of(ProblemException.invalid("line", "must be an object"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (!SaleLineShape.certainlyValid(line)) {
            for (ConstraintViolation<SaleLineRequest> v : validator.validate(line)) {
                errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            if (line.quantity() == 0) {
                errors.add(new FieldError("quantity", "must not be 0"));
            }
            if (line.unitPrice().signum() <= 0) {
                errors.add(new FieldError("unitPrice", "must be more than 0"));
            }
            if (line.quantity() != 0 && line.amount().compareTo(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()))) != 0) {
                errors.add(new FieldError("amount", "must equal quantity x unitPrice ("
                        + line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).setScale(2).toPlainString() + ")"));
            }
            if (line.isReturn() && line.refersTo() == null) {
                errors.add(new FieldError("refersTo", "is required for a return (negative quantity)"));
            }
            if (!line.isReturn() && line.refersTo() != null) {
                errors.add(new FieldError("refersTo", "is only for returns; a return has a negative quantity and amount"));
            }
            if (line.occurredAt().toInstant().isAfter(dates.now())) {
                errors.add(new FieldError("occurredAt", "must not be in the future"));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return errors.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ProblemException.invalid(errors));
    }

    private static Outcome refused(String field, String message) {
        return new Outcome.Refused(ProblemException.invalid(field, message));
    }

    private static StoredLine storedLine(ResultSet rs, BusinessDates dates) throws SQLException {
        long refersTo = rs.getLong(12);
        SaleLineView.Ref ref = rs.wasNull() ? null : new SaleLineView.Ref(refersTo, rs.getString(13), rs.getInt(14));
        SaleLineView view = new SaleLineView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getInt(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                dates.local(rs.getTimestamp(10).toInstant()), ref, dates.local(rs.getTimestamp(15).toInstant()));
        return new StoredLine(view, rs.getObject(11, LocalDate.class));
    }

    private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** Reads a stored line selected with {@link #LINE_COLUMNS}. */
    static SaleLineView read(ResultSet rs, BusinessDates dates) throws SQLException {
        return storedLine(rs, dates).view();
    }
}
