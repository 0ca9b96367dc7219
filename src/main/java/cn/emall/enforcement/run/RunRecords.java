package cn.emall.enforcement.run;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.JsonText;
import cn.emall.text.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The run's bookkeeping: its row in {@code cleanup_run} (one real run per date, in date order) and
 * the record of every action it took in {@code cleanup_action}, which the report reads.
 */
@ApplicationScoped
public class RunRecords {

    private static final Logger LOG = Logger.getLogger(RunRecords.class);

    private final Jdbc jdbc;
    private final BusinessDates dates;
    private final JsonText json;
    private final Outbox outbox;

    public RunRecords(Jdbc jdbc, BusinessDates dates, JsonText json, Outbox outbox) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.dates = dates;
        this.json = json;
    }

    /**
     * A new real run for the date, or the interrupted one to resume; refuses what {@link #realRunRefusal}
     * refuses. Call while holding the real-run lock.
     */
    long claimReal(LocalDate date, CleanupRunner.Trigger trigger, String startedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ProblemException> refusal = realRunRefusal(date);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            Optional<Long> interrupted = interruptedRealRun(date);
            if (interrupted.isPresent()) {
                LOG.infof("Resuming the interrupted real run %s for %s", interrupted.get(), date);
                return interrupted.get();
            }
            return insert(date, false, trigger, startedBy);
        });
    }

    /**
     * Why a real run for the date is not allowed now, or nothing when it is. Real runs go forward in
     * date order: allowed for today or a missed night after the last real run, and for the date of an
     * interrupted real run (which resumes it); refused for a date that already ran, a future date, and
     * a date before the last real run's.
     */
    Optional<ProblemException> realRunRefusal(LocalDate date) {
        Optional<Object[]> existing = jdbc.one("select id, status from cleanup_run where as_of = ? and not dry_run",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, date);
        if (existing.isPresent()) {
            return "COMPLETED".equals(existing.get()[1])
                    ? Optional.of(ProblemException.conflict("already-ran", Msg.ALREADY_RAN_TITLE,
                            Msg.ALREADY_RAN_DETAIL.with(date, existing.get()[0])).with("runId", existing.get()[0]))
                    : Optional.empty();
        }
        LocalDate today = dates.today();
        if (date.isAfter(today)) {
            return Optional.of(ProblemException.invalid("asOf", Msg.RUN_IN_THE_FUTURE.with(today)));
        }
        Optional<LocalDate> last = lastRealRun();
        if (last.isPresent() && !date.isAfter(last.get())) {
            return Optional.of(ProblemException.conflict("out-of-order", Msg.OUT_OF_ORDER_TITLE,
                    Msg.OUT_OF_ORDER_DETAIL.with(last.get())).with("lastRealRun", last.get().toString()));
        }
        return Optional.empty();
    }

    /** The date of the last real run, finished or not; empty before the first. */
    Optional<LocalDate> lastRealRun() {
        return jdbc.one("select max(as_of) from cleanup_run where not dry_run", rs -> rs.getObject(1, LocalDate.class));
    }

    private Optional<Long> interruptedRealRun(LocalDate date) {
        return jdbc.one("select id from cleanup_run where as_of = ? and not dry_run and status <> 'COMPLETED'",
                rs -> rs.getLong(1), date);
    }

    long createDry(LocalDate date, CleanupRunner.Trigger trigger, String startedBy) {
        return QuarkusTransaction.requiringNew().call(() -> insert(date, true, trigger, startedBy));
    }

    private long insert(LocalDate date, boolean dryRun, CleanupRunner.Trigger trigger, String startedBy) {
        return jdbc.one("insert into cleanup_run (as_of, dry_run, trigger, started_by, started_at, status) "
                        + "values (?, ?, ?, ?, ?, 'RUNNING') returning id", rs -> rs.getLong(1),
                date, dryRun, trigger.name(), startedBy, dates.now()).orElseThrow();
    }

    /** Records the actions a step took on its subjects, in the transaction that took them. */
    void recordActions(long runId, CleanupStep step, List<Candidate> applied) {
        if (applied.isEmpty()) {
            return;
        }
        jdbc.update("insert into cleanup_action (run_id, rule, action, supplier_id, product_id, notice_id, evidence, deadline) "
                        + "select ?, ?, ?, t.supplier_id, t.product_id, t.notice_id, t.evidence::jsonb, t.deadline::date "
                        + "from unnest(?::text[]::bigint[], ?::text[]::bigint[], ?::text[]::bigint[], ?::text[], ?::text[]) "
                        + "as t(supplier_id, product_id, notice_id, evidence, deadline)",
                runId, step.rule(), step.action(),
                texts(applied, Candidate::supplierId), texts(applied, Candidate::productId),
                texts(applied, Candidate::noticeId), texts(applied, candidate -> json.write(candidate.evidence())),
                texts(applied, Candidate::deadline));
    }

    /**
     * The run is over: its warnings, the subjects that failed and its counts per rule go into its row.
     *
     * @return the counts per rule
     */
    Map<String, Long> complete(long runId, Collection<String> warnings, List<Map<String, Object>> failures) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = actionCounts(runId);
            jdbc.update("update cleanup_run set status = 'COMPLETED', finished_at = ?, warnings = cast(? as jsonb), "
                            + "failures = failures || cast(? as jsonb), counts = cast(? as jsonb) where id = ?",
                    dates.now(), json.write(warnings), json.write(failures), json.write(counts), runId);
            Map<String, Object> data = jdbc.one("select as_of, dry_run, trigger, started_at, finished_at, "
                            + "jsonb_array_length(failures) from cleanup_run where id = ?",
                    rs -> Outbox.data("runId", runId, "asOf", rs.getObject(1, java.time.LocalDate.class), "dryRun", rs.getBoolean(2),
                            "trigger", rs.getString(3), "startedAt", dates.local(rs.getTimestamp(4).toInstant()),
                            "finishedAt", dates.local(rs.getTimestamp(5).toInstant()), "failures", rs.getInt(6),
                            "warnings", warnings.size()), runId).orElseThrow();
            data.put("actions", counts);
            outbox.publish(EventType.RUN_FINISHED, "run", runId, data);
            return counts;
        });
    }

    /** How many actions the run took per rule, counted: for a run that is still running (a finished one has them in its row). */
    Map<String, Long> actionCounts(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.list("select rule, count(*) from cleanup_action where run_id = ? group by rule",
                rs -> counts.put(rs.getString(1), rs.getLong(2)), runId);
        return counts;
    }

    private static List<String> texts(List<Candidate> candidates, Function<Candidate, Object> field) {
        List<String> values = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            Object value = field.apply(candidate);
            values.add(value == null ? null : value.toString());
        }
        return values;
    }
}
