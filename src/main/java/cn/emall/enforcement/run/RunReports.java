package cn.emall.enforcement.run;

import cn.emall.enforcement.model.LapsedNoticeRule;
import cn.emall.events.EventType;
import cn.emall.platform.web.JsonText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cn.emall.platform.web.Params;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads run reports and their actions. */
@ApplicationScoped
public class RunReports {

    private static final String ACTION_COLUMNS = "a.id, a.rule, a.action, a.supplier_id, s.name, s.credit_code, a.product_id, "
            + "case when p.id is null then null else p.brand || ' ' || p.model end, a.notice_id, cast(a.evidence as text), a.deadline, "
            + "d.status, d.sent_at";
    /**
     * The e-mail that told the supplier of the action: of a termination the termination's, of any other
     * action the message that issued its notice (table mail_delivery, cn.emall.mail).
     */
    private static final String ACTION_FROM = " from cleanup_action a join supplier s on s.id = a.supplier_id "
            + "left join product p on p.id = a.product_id "
            + "left join lateral (select m.status, m.sent_at from mail_delivery m where m.notice_id = a.notice_id "
            + "and m.event_type = case when a.rule = '" + LapsedNoticeRule.NAME + "' then '" + EventType.SUPPLIER_TERMINATED.wire()
            + "' else '" + EventType.NOTICE_ISSUED.wire() + "' end order by m.id limit 1) d on true where a.run_id = ?";
    private static final String RUN_COLUMNS = "id, as_of, dry_run, trigger, started_by, started_at, finished_at, status, "
            + "cast(warnings as text), cast(failures as text), cast(counts as text)";

    private final Jdbc jdbc;
    private final CleanupRunner runner;
    private final RunRecords records;
    private final CleanupConfig config;
    private final BusinessDates dates;
    private final JsonText json;

    public RunReports(Jdbc jdbc, CleanupRunner runner, RunRecords records, CleanupConfig config, BusinessDates dates,
                      JsonText json) {
        this.jdbc = jdbc;
        this.runner = runner;
        this.records = records;
        this.config = config;
        this.dates = dates;
        this.json = json;
    }

    public RunReport report(long id) {
        return find(id, true);
    }

    /** A report without its actions (counts, warnings and failures only): what a page over its actions needs. */
    public RunReport summary(long id) {
        return find(id, false);
    }

    private RunReport find(long id, boolean withActions) {
        return jdbc.one("select " + RUN_COLUMNS + " from cleanup_run where id = ?", rs -> summary(rs, withActions), id)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_CLEANUP_RUN.with(id)));
    }

    /** Reports without their actions, newest first. */
    public List<RunReport> list(int limit, int offset) {
        return jdbc.list("select " + RUN_COLUMNS + " from cleanup_run order by id desc limit ? offset ?",
                rs -> summary(rs, false), limit, offset);
    }

    /** The latest real run (or dry run), without its actions: the dashboard's "last night". */
    public java.util.Optional<RunReport> latest(boolean dryRun) {
        return jdbc.one("select " + RUN_COLUMNS + " from cleanup_run where dry_run = ? order by id desc limit 1",
                rs -> summary(rs, false), dryRun);
    }

    public long count() {
        return jdbc.count("select count(*) from cleanup_run");
    }

    /**
     * Which of a run's actions to show: those of one rule, of one supplier (by id, a part of its name,
     * or its credit code), or all of them when every part is null.
     */
    public record ActionFilter(String rule, Long supplierId, String supplierName, String creditCode) {

        public static final ActionFilter ALL = new ActionFilter(null, null, null, null);

        public boolean isAll() {
            return rule == null && supplierId == null && supplierName == null && creditCode == null;
        }

        /**
         * The conditions of the parts given, and only those, so that PostgreSQL plans each filter on its own
         * index ((run, rule, id) or (run, supplier, id)) instead of one plan for every combination.
         */
        private String where() {
            return (rule == null ? "" : " and a.rule = ?")
                    + (supplierId == null ? "" : " and a.supplier_id = ?")
                    + (supplierName == null ? "" : " and a.supplier_id in (select id from supplier where name like ?)")
                    + (creditCode == null ? "" : " and a.supplier_id in (select id from supplier where credit_code = ?)");
        }

        private Object[] parameters(long runId, Object... more) {
            List<Object> all = new ArrayList<>();
            all.add(runId);
            Stream.of(rule, supplierId, supplierName == null ? null : "%" + Params.likeLiteral(supplierName) + "%", creditCode)
                    .filter(Objects::nonNull).forEach(all::add);
            all.addAll(Arrays.asList(more));
            return all.toArray();
        }
    }

    /**
     * One page of the run's actions that pass the filter, in the order they were taken: the first
     * {@code limit} after the action {@code after} (from the start when null), or, going back, the
     * last {@code limit} before the action {@code before}. Keyset paging on the run's (run, id) index,
     * so that a page deep in a run of 126,000 actions costs what the first one does.
     */
    public List<RunReport.Action> actions(long runId, ActionFilter filter, Long after, Long before, int limit) {
        if (before != null) {
            List<RunReport.Action> page = new ArrayList<>(jdbc.list("select " + ACTION_COLUMNS + ACTION_FROM
                    + filter.where() + " and a.id < ? order by a.id desc limit ?", this::action,
                    filter.parameters(runId, before, limit)));
            Collections.reverse(page);
            return page;
        }
        return jdbc.list("select " + ACTION_COLUMNS + ACTION_FROM + filter.where() + " and a.id > ? order by a.id limit ?",
                this::action, filter.parameters(runId, after == null ? 0L : after, limit));
    }

    /** How many of the run's actions pass the filter. */
    public long countActions(long runId, ActionFilter filter) {
        return jdbc.count("select count(*) from cleanup_action a where a.run_id = ?" + filter.where(), filter.parameters(runId));
    }

    /** Whether the run has an action that passes the filter before (or after) the given one: is there a page before (after)? */
    public boolean hasActionBeyond(long runId, ActionFilter filter, long id, boolean afterIt) {
        return jdbc.one("select exists (select 1 from cleanup_action a where a.run_id = ?" + filter.where()
                + " and a.id " + (afterIt ? ">" : "<") + " ?)", rs -> rs.getBoolean(1), filter.parameters(runId, id)).orElse(false);
    }

    public List<RunReport.Action> actions(long runId, int limit, long offset) {
        return jdbc.list("select " + ACTION_COLUMNS + ACTION_FROM + " order by a.id limit ? offset ?", this::action,
                runId, limit, offset);
    }

    /** Every action of the run in order, a page at a time, for the downloads. */
    public void eachAction(long runId, Consumer<RunReport.Action> consumer) {
        long after = 0;
        while (true) {
            List<RunReport.Action> page = jdbc.list("select " + ACTION_COLUMNS + ACTION_FROM + " and a.id > ? order by a.id limit 5000",
                    this::action, runId, after);
            page.forEach(consumer);
            if (page.size() < 5000) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private RunReport summary(ResultSet rs, boolean withActions) throws SQLException {
        long id = rs.getLong(1);
        Map<String, Long> counts = new LinkedHashMap<>();
        runner.ruleNames().forEach(rule -> counts.put(rule, 0L));
        JsonNode stored = rs.getString(11) == null ? null : json.tree(rs.getString(11));
        if (stored == null) {
            counts.putAll(records.actionCounts(id));
        } else {
            stored.fields().forEachRemaining(count -> counts.put(count.getKey(), count.getValue().asLong()));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new RunReport(id, rs.getObject(2, LocalDate.class), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                dates.local(rs.getTimestamp(6).toInstant()),
                rs.getTimestamp(7) == null ? null : dates.local(rs.getTimestamp(7).toInstant()), rs.getString(8), counts, total,
                withActions ? actions(id, config.reportActionLimit(), 0) : null, json.tree(rs.getString(9)), json.tree(rs.getString(10)));
    }

    private RunReport.Action action(ResultSet rs) throws SQLException {
        long product = rs.getLong(7);
        boolean hasProduct = !rs.wasNull();
        long notice = rs.getLong(9);
        boolean hasNotice = !rs.wasNull();
        return new RunReport.Action(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), hasProduct ? product : null, rs.getString(8), hasNotice ? notice : null,
                withDelivery(json.tree(rs.getString(10)), rs.getString(12), rs.getTimestamp(13)), rs.getObject(11, LocalDate.class));
    }

    /** The evidence with the delivery status of the e-mail that told the supplier, once there is one. */
    private JsonNode withDelivery(JsonNode stored, String status, Timestamp sentAt) {
        if (status == null || !(stored instanceof ObjectNode object)) {
            return stored;
        }
        ObjectNode evidence = object.deepCopy();
        evidence.put("deliveryStatus", status);
        if (sentAt != null) {
            evidence.put("deliverySentAt", dates.local(sentAt.toInstant()).toString());
        }
        return evidence;
    }
}
