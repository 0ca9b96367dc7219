package cn.emall.enforcement.run;

import cn.emall.platform.web.JsonText;
import cn.emall.calendar.CalendarService;
import cn.emall.enforcement.RulesConfig;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the five steps of the nightly cleanup, in order, for a date: dry (report only) or real.
 *
 * <p>One real run per date however many instances try: real runs hold a PostgreSQL advisory lock
 * while they work, and a unique index allows one real run row per date. Each chunk of subjects is
 * changed in its own transaction together with the report's record of it, a step's chunks by
 * {@code emall.cleanup.workers} connections at once (see {@link #chunks}), so a run killed half-way
 * leaves a consistent state; running the date again resumes the same report, and the rules' own
 * selection skips what was already done. A chunk that fails is retried subject by subject, and a
 * subject that still fails is recorded in the report without stopping the night.
 */
@ApplicationScoped
public class CleanupRunner {

    private static final Logger LOG = Logger.getLogger(CleanupRunner.class);
    /** The advisory lock key that real runs hold ("emall" in ASCII). */
    private static final long REAL_RUN_LOCK = 0x656d616c6cL;

    public enum Trigger { SCHEDULED, MANUAL }

    private final List<CleanupStep> steps;
    private final Jdbc jdbc;
    private final AgroalDataSource dataSource;
    private final CalendarService calendars;
    private final RulesConfig rules;
    private final CleanupConfig config;
    private final BusinessDates dates;
    private final JsonText json;
    private final MeterRegistry metrics;

    public CleanupRunner(LapsedNoticeStep lapsed, ZeroSalesSupplierStep zeroSales, ZeroVolumeProductStep zeroVolume,
                         OverdueNoticeStep overdue, SuspensionEndedStep suspension, Jdbc jdbc, AgroalDataSource dataSource,
                         CalendarService calendars, RulesConfig rules, CleanupConfig config, BusinessDates dates,
                         JsonText json, MeterRegistry metrics) {
        this.steps = List.of(lapsed, zeroSales, zeroVolume, overdue, suspension);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.rules = rules;
        this.config = config;
        this.dates = dates;
        this.json = json;
        this.metrics = metrics;
    }

    public List<String> ruleNames() {
        return steps.stream().map(CleanupStep::rule).toList();
    }

    /** Runs the cleanup for {@code asOf} (today when null); answers the run's id. */
    public long run(LocalDate asOf, boolean dryRun, Trigger trigger, String startedBy) {
        LocalDate date = asOf == null ? dates.today() : asOf;
        Timer.Sample sample = Timer.start(metrics);
        try {
            return dryRun ? execute(createDryRun(date, trigger, startedBy), date, true, startedBy)
                    : runExclusively(date, trigger, startedBy);
        } finally {
            sample.stop(metrics.timer("emall.cleanup.run.duration", "dryRun", Boolean.toString(dryRun)));
        }
    }

    private long runExclusively(LocalDate date, Trigger trigger, String startedBy) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                throw ProblemException.conflict("run-in-progress", "A real run is in progress",
                        "Another real cleanup run is working right now; try again when it has finished.");
            }
            try {
                return execute(claimRealRun(date, trigger, startedBy), date, false, startedBy);
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the run lock", e);
        }
    }

    private static boolean advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, REAL_RUN_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A new real run for the date, or the interrupted one to resume. */
    private long claimRealRun(LocalDate date, Trigger trigger, String startedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Object[]> existing = jdbc.one("select id, status from cleanup_run where as_of = ? and not dry_run",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)}, date);
            if (existing.isPresent()) {
                if ("COMPLETED".equals(existing.get()[1])) {
                    throw ProblemException.conflict("already-ran", "Already ran",
                                    "The real cleanup run for " + date + " has already run (report " + existing.get()[0] + ").")
                            .with("runId", existing.get()[0]);
                }
                LOG.infof("Resuming the interrupted real run %s for %s", existing.get()[0], date);
                return (Long) existing.get()[0];
            }
            LocalDate today = dates.today();
            if (date.isAfter(today)) {
                throw ProblemException.invalid("asOf", "a real run cannot be for a future date (today is " + today
                        + "); use a dry run to look ahead");
            }
            Optional<LocalDate> last = jdbc.one("select max(as_of) from cleanup_run where not dry_run",
                    rs -> rs.getObject(1, LocalDate.class));
            if (last.isPresent() && last.get() != null && !date.isAfter(last.get())) {
                throw ProblemException.conflict("out-of-order", "Run out of date order",
                                "Real runs go forward in date order: the last real run was for " + last.get()
                                        + ", so the next may be for a date after it, up to today.")
                        .with("lastRealRun", last.get().toString());
            }
            return insertRun(date, false, trigger, startedBy);
        });
    }

    private long createDryRun(LocalDate date, Trigger trigger, String startedBy) {
        return QuarkusTransaction.requiringNew().call(() -> insertRun(date, true, trigger, startedBy));
    }

    private long insertRun(LocalDate date, boolean dryRun, Trigger trigger, String startedBy) {
        return jdbc.one("insert into cleanup_run (as_of, dry_run, trigger, started_by, started_at, status) "
                        + "values (?, ?, ?, ?, ?, 'RUNNING') returning id", rs -> rs.getLong(1),
                date, dryRun, trigger.name(), startedBy, dates.now()).orElseThrow();
    }

    private long execute(long runId, LocalDate date, boolean dryRun, String startedBy) {
        RunContext run = new RunContext(runId, date, dryRun, "cleanup-run/" + runId, rules.settings(),
                calendars.calendar());
        List<Map<String, Object>> failures = Collections.synchronizedList(new ArrayList<>());
        // The helpers of this thread: the run's other workers.
        ExecutorService helpers = Executors.newFixedThreadPool(Math.max(1, config.workers() - 1), r -> {
            Thread t = new Thread(r, "cleanup-run-" + runId);
            t.setDaemon(true);
            return t;
        });
        try {
            for (CleanupStep step : steps) {
                List<Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> step.select(run));
                List<List<Candidate>> chunks = chunks(candidates, config.chunkSize());
                if (dryRun) {
                    inParallel(helpers, chunks, chunk -> QuarkusTransaction.requiringNew().run(() -> recordActions(run, step, chunk)));
                } else if (!chunks.isEmpty()) {
                    applyChunk(run, step, chunks.get(0), failures);
                    if (chunks.size() > 1) {
                        refreshNoticeStatistics();
                    }
                    inParallel(helpers, chunks.subList(1, chunks.size()), chunk -> applyChunk(run, step, chunk, failures));
                }
                LOG.infof("Run %d (%s, %s): %s selected %d", runId, date, dryRun ? "dry" : "real", step.rule(), candidates.size());
            }
        } finally {
            helpers.shutdownNow();
        }
        QuarkusTransaction.requiringNew().run(() -> jdbc.update("update cleanup_run set status = 'COMPLETED', finished_at = ?, "
                        + "warnings = cast(? as jsonb), failures = failures || cast(? as jsonb) where id = ?",
                dates.now(), json.write(run.warnings), json.write(failures), runId));
        countActions(runId);
        return runId;
    }

    /**
     * Cuts the candidates into chunks of at most {@code size} ({@code emall.cleanup.chunk-size}),
     * keeping a supplier's consecutive candidates in one chunk where they fit: steps lock the
     * suppliers they change, and two chunks that shared a supplier would wait for each other instead
     * of working at once.
     */
    static List<List<Candidate>> chunks(List<Candidate> candidates, int size) {
        List<List<Candidate>> chunks = new ArrayList<>();
        int start = 0;
        while (start < candidates.size()) {
            int end = Math.min(candidates.size(), start + size);
            if (end < candidates.size()) {
                int cut = end;
                while (cut > start && candidates.get(cut).supplierId() == candidates.get(cut - 1).supplierId()) {
                    cut--;
                }
                // A supplier with more candidates than a chunk holds is cut at the chunk size.
                end = cut > start ? cut : end;
            }
            chunks.add(candidates.subList(start, end));
            start = end;
        }
        return chunks;
    }

    /**
     * Works on the chunks with {@code emall.cleanup.workers} threads, this one included, and returns
     * when all are done. Each chunk is its own transaction, so the order they finish in does not
     * matter: their subjects are disjoint, and every step locks the suppliers it changes in id order.
     */
    private void inParallel(ExecutorService helpers, List<List<Candidate>> chunks, Consumer<List<Candidate>> work) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                work.accept(chunks.get(i));
            }
        };
        List<Future<?>> helping = new ArrayList<>();
        for (int i = 1; i < Math.min(config.workers(), chunks.size()); i++) {
            helping.add(helpers.submit(worker));
        }
        try {
            worker.run();
        } finally {
            next.set(chunks.size());
            for (Future<?> helper : helping) {
                try {
                    helper.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the run's workers", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException("A worker of the run failed", e.getCause());
                }
            }
        }
    }

    /**
     * Every action that refers to a notice makes PostgreSQL check that the notice exists, with a plan
     * it keeps per connection. A plan made while the notice table was tiny (an empty e-mall, or only
     * the night's few delisting notices so far) scans the table instead of its index, and on a night
     * that issues thousands of rectification notices each check then reads all of them: measured at
     * 338 buffer reads per check, three quarters of the real run (BENCHMARKS.md). Fresh statistics
     * after a step's first full chunk make every connection plan the check again, with the index.
     */
    private void refreshNoticeStatistics() {
        try {
            QuarkusTransaction.requiringNew().run(() -> jdbc.update("analyze notice"));
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh the notice statistics (the run goes on, perhaps slower): %s", rootMessage(e));
        }
    }

    private void applyChunk(RunContext run, CleanupStep step, List<Candidate> chunk, List<Map<String, Object>> failures) {
        try {
            QuarkusTransaction.requiringNew().run(() -> recordActions(run, step, step.apply(run, chunk)));
        } catch (RuntimeException chunkFailure) {
            if (chunk.size() == 1) {
                Candidate c = chunk.get(0);
                LOG.errorf(chunkFailure, "Run %d: %s failed for supplier %d", run.runId, step.rule(), c.supplierId());
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("rule", step.rule());
                failure.put("supplierId", c.supplierId());
                failure.put("productId", c.productId());
                failure.put("noticeId", c.noticeId());
                failure.put("error", rootMessage(chunkFailure));
                failures.add(failure);
                return;
            }
            for (Candidate c : chunk) {
                applyChunk(run, step, List.of(c), failures);
            }
        }
    }

    private void recordActions(RunContext run, CleanupStep step, List<Candidate> applied) {
        if (applied.isEmpty()) {
            return;
        }
        jdbc.update("insert into cleanup_action (run_id, rule, action, supplier_id, product_id, notice_id, evidence, deadline) "
                        + "select ?, ?, ?, t.supplier_id, t.product_id, t.notice_id, t.evidence::jsonb, t.deadline::date "
                        + "from unnest(?::text[]::bigint[], ?::text[]::bigint[], ?::text[]::bigint[], ?::text[], ?::text[]) "
                        + "as t(supplier_id, product_id, notice_id, evidence, deadline)",
                run.runId, step.rule(), step.action(),
                strings(applied, c -> c.supplierId()), strings(applied, Candidate::productId),
                strings(applied, Candidate::noticeId), strings(applied, c -> json.write(c.evidence())),
                strings(applied, Candidate::deadline));
    }

    private void countActions(long runId) {
        jdbc.list("select rule, count(*) from cleanup_action where run_id = ? group by rule", rs -> {
            metrics.counter("emall.cleanup.actions", "rule", rs.getString(1)).increment(rs.getLong(2));
            return null;
        }, runId);
    }

    private static List<String> strings(List<Candidate> candidates, java.util.function.Function<Candidate, Object> field) {
        List<String> values = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Object value = field.apply(c);
            values.add(value == null ? null : value.toString());
        }
        return values;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
