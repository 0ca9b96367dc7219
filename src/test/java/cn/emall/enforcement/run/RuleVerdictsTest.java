package cn.emall.enforcement.run;

import cn.emall.calendar.CalendarService;
import cn.emall.enforcement.model.LapsedNoticeRule;
import cn.emall.enforcement.model.NetSales;
import cn.emall.enforcement.model.NetSales.Line;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.enforcement.model.OverdueNoticeRule;
import cn.emall.enforcement.model.RuleSettings;
import cn.emall.enforcement.model.ZeroSalesSupplierRule;
import cn.emall.enforcement.model.ZeroVolumeProductRule;
import cn.emall.supplier.model.Suspension;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.emall.enforcement.model.Lines.returnOf;
import static cn.emall.enforcement.model.Lines.sale;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule is decided in one place: the rule classes of {@code enforcement.model} (read, and tested
 * with plain JUnit in {@code RulesTest}), and the SQL with which the steps select, which is built from
 * the rules' criteria. Every case of {@code RulesTest} that has a verdict is set up here as rows in
 * PostgreSQL, and the step's selection must agree with the rule class and with the verdict worked
 * out by hand, case by case.
 */
@QuarkusTest
class RuleVerdictsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final RuleSettings SETTINGS = RuleSettings.defaults();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CalendarService calendars;

    @Inject
    ZeroSalesSupplierStep zeroSales;

    @Inject
    ZeroVolumeProductStep zeroVolume;

    @Inject
    LapsedNoticeStep lapsed;

    @Inject
    OverdueNoticeStep overdue;

    @Inject
    SuspensionEndedStep suspensionEnded;

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** A supplier's case of step 2. {@code admittedOn} null: an application never admitted. */
    record ZeroSalesCase(String name, String run, String admittedOn, List<Line> lines, NoticeStatus delistingNotice,
                         boolean expected) {
    }

    /** A listing's case of step 3. */
    record ZeroVolumeCase(String name, String run, String listedOn, List<Line> lines, boolean expected) {
    }

    /** A delisting notice's case of step 1, received 2024-09-27 with its deadline 2024-10-08. */
    record LapsedCase(String name, String run, NoticeStatus status, boolean expected) {
    }

    /** A processing notice's case of step 4, due 2024-10-08. */
    record OverdueCase(String name, String run, String handledOn, boolean expected) {
    }

    /** A terminated supplier's case of step 5, suspended through 2025-03-15. */
    record SuspensionCase(String name, String run, boolean expected) {
    }

    private static final List<ZeroSalesCase> ZERO_SALES = List.of(
            new ZeroSalesCase("admitted exactly two years before", "2024-01-01", "2022-01-01", List.of(), null, true),
            new ZeroSalesCase("admitted one day less than two years before", "2024-01-01", "2022-01-02", List.of(), null, false),
            new ZeroSalesCase("no lines at all", "2024-01-01", "2021-05-01", List.of(), null, true),
            new ZeroSalesCase("one sale on the window's first day", "2024-01-01", "2022-01-01",
                    List.of(sale(1, "2022-01-01", "10.00", 1)), null, false),
            new ZeroSalesCase("one sale on the window's last day", "2024-01-01", "2022-01-01",
                    List.of(sale(1, "2023-12-31", "10.00", 1)), null, false),
            new ZeroSalesCase("only sale the day before the window", "2024-01-01", "2021-06-01",
                    List.of(sale(1, "2021-12-31", "10.00", 1)), null, true),
            new ZeroSalesCase("only sale on the run date", "2024-01-01", "2022-01-01",
                    List.of(sale(1, "2024-01-01", "10.00", 1)), null, true),
            new ZeroSalesCase("in-window sale returned in full inside the window", "2024-01-01", "2022-01-01",
                    List.of(sale(1, "2023-03-10", "250.00", 5), returnOf(2, 1, "2023-03-20", "-250.00", -5)), null, true),
            new ZeroSalesCase("last day's sale returned in full on the run date", "2024-01-01", "2022-01-01",
                    List.of(sale(1, "2023-12-31", "80.00", 2), returnOf(2, 1, "2024-01-01", "-80.00", -2)), null, true),
            new ZeroSalesCase("a return in the window of a sale before it does not reduce the window", "2024-01-01", "2021-01-01",
                    List.of(sale(1, "2021-06-01", "50.00", 1), sale(2, "2023-05-01", "100.00", 2),
                            returnOf(3, 1, "2023-06-01", "-50.00", -1)), null, false),
            new ZeroSalesCase("only an old sale, returned inside the window", "2024-01-01", "2021-01-01",
                    List.of(sale(1, "2021-06-01", "50.00", 1), returnOf(2, 1, "2023-06-01", "-50.00", -1)), null, true),
            new ZeroSalesCase("a partial return keeps a positive net", "2024-01-01", "2022-01-01",
                    List.of(sale(1, "2023-03-10", "250.00", 5), returnOf(2, 1, "2023-03-20", "-100.00", -2)), null, false),
            new ZeroSalesCase("an open delisting notice", "2024-01-01", "2022-01-01", List.of(), NoticeStatus.OPEN, false),
            new ZeroSalesCase("an appealed delisting notice", "2024-01-01", "2022-01-01", List.of(), NoticeStatus.APPEALED, false),
            new ZeroSalesCase("a delisting notice whose appeal was rejected", "2024-01-01", "2022-01-01", List.of(),
                    NoticeStatus.APPEAL_REJECTED, false),
            new ZeroSalesCase("a withdrawn delisting notice is no longer live", "2024-01-01", "2022-01-01", List.of(),
                    NoticeStatus.WITHDRAWN, true),
            new ZeroSalesCase("never admitted", "2024-01-01", null, List.of(), null, false),
            new ZeroSalesCase("leap run, admitted 2022-02-28", "2024-02-29", "2022-02-28", List.of(), null, true),
            new ZeroSalesCase("leap run, admitted 2022-03-01", "2024-02-29", "2022-03-01", List.of(), null, false));

    private static final List<ZeroVolumeCase> ZERO_VOLUME = List.of(
            new ZeroVolumeCase("listed exactly twelve months before", "2024-01-01", "2023-01-01", List.of(), true),
            new ZeroVolumeCase("listed one day less than twelve months before", "2024-01-01", "2023-01-02", List.of(), false),
            new ZeroVolumeCase("relisted eleven months ago, no sales", "2024-01-01", "2023-02-01", List.of(), false),
            new ZeroVolumeCase("relisted eleven months ago, with sales", "2024-01-01", "2023-02-01",
                    List.of(sale(1, "2023-03-01", "70.00", 7)), false),
            new ZeroVolumeCase("one sale on the window's first day", "2024-01-01", "2023-01-01",
                    List.of(sale(1, "2023-01-01", "30.00", 1)), false),
            new ZeroVolumeCase("only sale the day before the window", "2024-01-01", "2022-06-01",
                    List.of(sale(1, "2022-12-31", "30.00", 1)), true),
            new ZeroVolumeCase("net quantity zero after a full return", "2024-01-01", "2022-06-01",
                    List.of(sale(1, "2023-06-15", "300.00", 3), returnOf(2, 1, "2023-07-01", "-300.00", -3)), true),
            new ZeroVolumeCase("a partial return keeps a positive quantity", "2024-01-01", "2022-06-01",
                    List.of(sale(1, "2023-06-15", "300.00", 3), returnOf(2, 1, "2023-07-01", "-100.00", -1)), false),
            new ZeroVolumeCase("leap run, listed 2023-02-28", "2024-02-29", "2023-02-28", List.of(), true),
            new ZeroVolumeCase("leap run, listed 2023-03-01", "2024-02-29", "2023-03-01", List.of(), false));

    private static final List<LapsedCase> LAPSED = List.of(
            new LapsedCase("open, run on the deadline", "2024-10-08", NoticeStatus.OPEN, false),
            new LapsedCase("open, run before the deadline", "2024-09-30", NoticeStatus.OPEN, false),
            new LapsedCase("open, run the day after the deadline", "2024-10-09", NoticeStatus.OPEN, true),
            new LapsedCase("appealed, run on the deadline", "2024-10-08", NoticeStatus.APPEALED, false),
            new LapsedCase("appealed, run the day after the deadline", "2024-10-09", NoticeStatus.APPEALED, false),
            new LapsedCase("appealed, run long after", "2026-01-01", NoticeStatus.APPEALED, false),
            new LapsedCase("appeal rejected, run before the deadline", "2024-10-02", NoticeStatus.APPEAL_REJECTED, true),
            new LapsedCase("appeal rejected, run after the deadline", "2024-10-09", NoticeStatus.APPEAL_REJECTED, true),
            new LapsedCase("withdrawn, run after the deadline", "2024-10-09", NoticeStatus.WITHDRAWN, false));

    private static final List<OverdueCase> OVERDUE = List.of(
            new OverdueCase("answered on the deadline, run the day after", "2024-10-09", "2024-10-08", false),
            new OverdueCase("answered on the deadline, run at the year's end", "2024-12-31", "2024-10-08", false),
            new OverdueCase("answered before the deadline", "2024-10-09", "2024-10-01", false),
            new OverdueCase("answered the day after the deadline, run that day", "2024-10-09", "2024-10-09", true),
            new OverdueCase("answered the day after the deadline, run later", "2024-10-20", "2024-10-09", true),
            new OverdueCase("unanswered, run on the deadline", "2024-10-08", null, false),
            new OverdueCase("unanswered, run the day after the deadline", "2024-10-09", null, true),
            new OverdueCase("unanswered, run months later", "2025-01-15", null, true));

    private static final List<SuspensionCase> SUSPENSION = List.of(
            new SuspensionCase("the day before the suspension's last day", "2025-03-14", false),
            new SuspensionCase("the suspension's last day", "2025-03-15", false),
            new SuspensionCase("the day after the suspension's last day", "2025-03-16", true));

    @Test
    void zeroSalesSelectionAgreesWithTheRuleOnEveryCase() throws SQLException {
        ZeroSalesSupplierRule rule = new ZeroSalesSupplierRule(SETTINGS);
        Map<ZeroSalesCase, Long> supplierOf = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String category = category(connection);
            for (ZeroSalesCase c : ZERO_SALES) {
                long supplier = supplier(connection, c.admittedOn() == null ? "PENDING" : "ACTIVE", c.admittedOn(), null);
                long product = product(connection, supplier, category, "2020-01-01");
                sales(connection, supplier, product, c.lines());
                if (c.delistingNotice() != null) {
                    notice(connection, supplier, "DELISTING", c.delistingNotice(), "2023-12-01", "2023-12-06", null);
                }
                supplierOf.put(c, supplier);
            }
        }
        assertSameVerdicts(ZERO_SALES, ZeroSalesCase::run, supplierOf, zeroSales, Candidate::supplierId,
                c -> rule.applies(c.admittedOn() == null ? null : date(c.admittedOn()),
                        NetSales.in(rule.window(date(c.run())), c.lines()).amount(),
                        c.delistingNotice() != null && ZeroSalesSupplierRule.BLOCKED_BY.contains(c.delistingNotice()), date(c.run())),
                ZeroSalesCase::expected, ZeroSalesCase::name);
    }

    @Test
    void zeroVolumeSelectionAgreesWithTheRuleOnEveryCase() throws SQLException {
        ZeroVolumeProductRule rule = new ZeroVolumeProductRule(SETTINGS);
        Map<ZeroVolumeCase, Long> productOf = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String category = category(connection);
            for (ZeroVolumeCase c : ZERO_VOLUME) {
                long supplier = supplier(connection, "ACTIVE", "2020-01-01", null);
                long product = product(connection, supplier, category, c.listedOn());
                sales(connection, supplier, product, c.lines());
                productOf.put(c, product);
            }
        }
        assertSameVerdicts(ZERO_VOLUME, ZeroVolumeCase::run, productOf, zeroVolume, Candidate::productId,
                c -> rule.applies(date(c.listedOn()), NetSales.in(rule.window(date(c.run())), c.lines()).quantity(), date(c.run())),
                ZeroVolumeCase::expected, ZeroVolumeCase::name);
    }

    @Test
    void lapsedNoticeSelectionAgreesWithTheRuleOnEveryCase() throws SQLException {
        Map<LapsedCase, Long> noticeOf = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (LapsedCase c : LAPSED) {
                long supplier = supplier(connection, "ACTIVE", "2020-01-01", null);
                noticeOf.put(c, notice(connection, supplier, "DELISTING", c.status(), "2024-09-27", "2024-10-08", null));
            }
        }
        assertSameVerdicts(LAPSED, LapsedCase::run, noticeOf, lapsed, Candidate::noticeId,
                c -> LapsedNoticeRule.lapsed(c.status(), date("2024-10-08"), date(c.run())),
                LapsedCase::expected, LapsedCase::name);
    }

    @Test
    void overdueNoticeSelectionAgreesWithTheRuleOnEveryCase() throws SQLException {
        Map<OverdueCase, Long> noticeOf = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (OverdueCase c : OVERDUE) {
                long supplier = supplier(connection, "ACTIVE", "2020-01-01", null);
                noticeOf.put(c, notice(connection, supplier, "PROCESSING", c.handledOn() == null ? NoticeStatus.OPEN : NoticeStatus.HANDLED,
                        "2024-10-01", "2024-10-08", c.handledOn()));
            }
        }
        assertSameVerdicts(OVERDUE, OverdueCase::run, noticeOf, overdue, Candidate::noticeId,
                c -> OverdueNoticeRule.overdue(date("2024-10-08"), c.handledOn() == null ? null : date(c.handledOn()), date(c.run())),
                OverdueCase::expected, OverdueCase::name);
    }

    @Test
    void suspensionEndedSelectionAgreesWithTheRuleOnEveryCase() throws SQLException {
        Map<SuspensionCase, Long> supplierOf = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (SuspensionCase c : SUSPENSION) {
                supplierOf.put(c, supplier(connection, "TERMINATED", "2020-01-01", "2024-03-15"));
            }
        }
        assertSameVerdicts(SUSPENSION, SuspensionCase::run, supplierOf, suspensionEnded, Candidate::supplierId,
                c -> Suspension.ended(Suspension.suspendedUntil(date("2024-03-15"), SETTINGS.suspensionYears()), date(c.run())),
                SuspensionCase::expected, SuspensionCase::name);
    }

    /** The partial unique index that keeps one live delisting notice per supplier has the rule's set of states. */
    @Test
    void theIndexOfLiveDelistingNoticesHasTheLiveStatesOfTheRule() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select indexdef from pg_indexes where indexname = 'notice_one_live_delisting'");
             ResultSet rs = statement.executeQuery()) {
            assertTrue(rs.next());
            String definition = rs.getString(1);
            for (NoticeStatus status : NoticeStatus.values()) {
                assertEquals(status.isLiveDelisting(), definition.contains("'" + status.name() + "'"),
                        status + " in the index " + definition);
            }
        }
    }

    /**
     * Runs the step's selection once per run date and compares, for every case, whether its subject
     * was selected with what the rule class decides and with the verdict worked out by hand.
     */
    private <C> void assertSameVerdicts(List<C> cases, Function<C, String> runOf, Map<C, Long> subjectOf, CleanupStep step,
                                        Function<Candidate, Long> subjectOfCandidate, Function<C, Boolean> ruleVerdict,
                                        Function<C, Boolean> expected, Function<C, String> name) {
        Map<String, List<C>> byRun = cases.stream().collect(Collectors.groupingBy(runOf, TreeMap::new, Collectors.toList()));
        List<String> disagreements = new ArrayList<>();
        byRun.forEach((run, ofRun) -> {
            RunContext context = new RunContext(0, date(run), true, "test", SETTINGS, calendars.calendar());
            Set<Long> selected = QuarkusTransaction.requiringNew().call(() -> step.select(context)).stream()
                    .map(subjectOfCandidate).collect(Collectors.toSet());
            for (C c : ofRun) {
                boolean bySql = selected.contains(subjectOf.get(c));
                boolean byRule = ruleVerdict.apply(c);
                if (bySql != byRule || byRule != expected.apply(c)) {
                    disagreements.add(name.apply(c) + " (run " + run + "): by hand " + expected.apply(c) + ", rule class " + byRule
                            + ", step's SQL " + bySql);
                }
            }
        });
        assertEquals(List.of(), disagreements, step.rule());
    }

    private static String category(Connection connection) throws SQLException {
        String code = "VERDICT-" + SEQUENCE.incrementAndGet();
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into category (code, name, parameters, updated_at) values (?, '判定用品目', '[]', now())")) {
            statement.setString(1, code);
            statement.executeUpdate();
        }
        return code;
    }

    private static long supplier(Connection connection, String status, String admittedOn, String terminatedOn) throws SQLException {
        LocalDate terminated = terminatedOn == null ? null : date(terminatedOn);
        return insert(connection, "insert into supplier (name, credit_code, legal_representative, contact_name, contact_phone, email, "
                        + "region, status, applied_at, admitted_on, terminated_on, suspended_until) "
                        + "values ('判定用供应商', ?, '王伟', '李娜', '0471-1234567', 'verdict@example.cn', '内蒙古自治区呼和浩特市', ?, now(), ?, ?, ?) "
                        + "returning id",
                String.format("9V%016d", SEQUENCE.incrementAndGet()), status, admittedOn == null ? null : date(admittedOn), terminated,
                terminated == null ? null : Suspension.suspendedUntil(terminated, SETTINGS.suspensionYears()));
    }

    private static long product(Connection connection, long supplier, String category, String listedOn) throws SQLException {
        return insert(connection, "insert into product (supplier_id, category_code, brand, model, name, price, parameters, status, "
                        + "listed_on, created_at, updated_at) values (?, ?, '判定', ?, '判定用商品', 100.00, '{}', 'LISTED', ?, now(), now()) "
                        + "returning id",
                supplier, category, "M-" + SEQUENCE.incrementAndGet(), date(listedOn));
    }

    private static long notice(Connection connection, long supplier, String kind, NoticeStatus status, String noticeDate,
                               String deadline, String handledOn) throws SQLException {
        return insert(connection, "insert into notice (supplier_id, kind, status, notice_date, deadline, working_days, subject, body, "
                        + "issued_by, handled_on, created_at) values (?, ?, ?, ?, ?, 3, '判定用通知', '判定用通知', 'test', ?, now()) "
                        + "returning id",
                supplier, kind, status.name(), date(noticeDate), date(deadline), handledOn == null ? null : date(handledOn));
    }

    /**
     * The case's ledger lines (a line's id in the case names the sale a return refers to), and the
     * sales facts the ledger keeps from them: the net per listing and day of sale, a return counted
     * on the day of its sale.
     */
    private static void sales(Connection connection, long supplier, long product, List<Line> lines) throws SQLException {
        Map<Long, Long> rowOf = new HashMap<>();
        for (Line line : lines) {
            long quantity = line.quantity();
            BigDecimal unitPrice = line.amount().divide(BigDecimal.valueOf(quantity)).abs();
            Timestamp at = Timestamp.from(line.occurredOn().atTime(12, 0).atZone(SHANGHAI).toInstant());
            rowOf.put(line.id(), insert(connection, "insert into sale_line (order_no, line_no, supplier_id, product_id, buyer, quantity, "
                            + "unit_price, amount, occurred_at, occurred_on, refers_to, recorded_at) "
                            + "values (?, 1, ?, ?, '判定用采购人', ?, ?, ?, ?, ?, ?, ?) returning id",
                    "VERDICT-" + SEQUENCE.incrementAndGet(), supplier, product, (int) quantity, unitPrice, line.amount(), at,
                    line.occurredOn(), line.refersTo() == null ? null : rowOf.get(line.refersTo()), at));
        }
        try (PreparedStatement statement = connection.prepareStatement("insert into sales_daily (product_id, day, supplier_id, "
                + "net_amount, net_quantity) select l.product_id, coalesce(o.occurred_on, l.occurred_on), l.supplier_id, sum(l.amount), "
                + "sum(l.quantity) from sale_line l left join sale_line o on o.id = l.refers_to where l.product_id = ? group by 1, 2, 3")) {
            statement.setLong(1, product);
            statement.executeUpdate();
        }
    }

    private static long insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
