package cn.emall.enforcement.run;

import cn.emall.calendar.CalendarService;
import cn.emall.calendar.model.UnsupportedYearException;
import cn.emall.enforcement.RulesConfig;
import cn.emall.events.EventConsumers;
import cn.emall.events.EventFeed;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.text.Msg;
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

/**
 * Runs the five steps of the nightly cleanup, in order, for a date: dry (report only) or real.
 *
 * <p>One real run per date however many instances try: real runs hold a PostgreSQL advisory lock
 * while they work, and {@link RunRecords} allows one real run row per date. Each chunk of subjects is
 * changed in its own transaction together with the report's record of it, a step's chunks by
 * {@link ChunkWorkers} (see {@link #chunks}), so a run killed half-way leaves a consistent state;
 * running the date again resumes the same report, and the rules' own selection skips what was
 * already done. A chunk that fails is retried subject by subject, and a subject that still fails is
 * recorded in the report without stopping the night.
 */
@ApplicationScoped
public class CleanupRunner {

    private static final Logger LOG = Logger.getLogger(CleanupRunner.class);
    /** The advisory lock real runs hold; the outbox's consumers wait while it is held. */
    private static final long REAL_RUN_LOCK = EventConsumers.BULK_WRITE_LOCK;

    public enum Trigger { SCHEDULED, MANUAL }

    private final List<CleanupStep> steps;
    private final RunRecords records;
    private final Jdbc jdbc;
    private final AgroalDataSource dataSource;
    private final CalendarService calendars;
    private final RulesConfig rules;
    private final CleanupConfig config;
    private final BusinessDates dates;
    private final MeterRegistry metrics;
    private final EventFeed feed;

    public CleanupRunner(LapsedNoticeStep lapsed, ZeroSalesSupplierStep zeroSales, ZeroVolumeProductStep zeroVolume,
                         OverdueNoticeStep overdue, SuspensionEndedStep suspension, RunRecords records, Jdbc jdbc,
                         AgroalDataSource dataSource, CalendarService calendars, RulesConfig rules, CleanupConfig config,
                         BusinessDates dates, MeterRegistry metrics, EventFeed feed) {
        this.steps = List.of(lapsed, zeroSales, zeroVolume, overdue, suspension);
        this.records = records;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.rules = rules;
        this.config = config;
        this.dates = dates;
        this.metrics = metrics;
        this.feed = feed;
    }

    public List<String> ruleNames() {
        return steps.stream().map(CleanupStep::rule).toList();
    }

    /** Runs the cleanup for {@code asOf} (today when null); answers the run's id. */
    public long run(LocalDate asOf, boolean dryRun, Trigger trigger, String startedBy) {
        LocalDate date = asOf == null ? dates.today() : asOf;
        refuseDateBeyondTheCalendar(date);
        Timer.Sample sample = Timer.start(metrics);
        try {
            return dryRun ? execute(records.createDry(date, trigger, startedBy), date, true)
                    : runExclusively(date, trigger, startedBy);
        } finally {
            sample.stop(metrics.timer("emall.cleanup.run.duration", "dryRun", Boolean.toString(dryRun)));
        }
    }

    /**
     * Why a real run for {@code asOf} (today when null) would be refused now, or nothing when it is
     * allowed: the same checks {@link #run} makes before it starts one (the date within the calendar's
     * reach; today or a missed night after the last real run, or an interrupted run to resume). Another
     * real run working at that moment is found only when one starts.
     */
    public Optional<ProblemException> realRunRefusal(LocalDate asOf) {
        LocalDate date = asOf == null ? dates.today() : asOf;
        try {
            refuseDateBeyondTheCalendar(date);
        } catch (ProblemException e) {
            return Optional.of(e);
        }
        return records.realRunRefusal(date);
    }

    /** The date of the last real run, finished or not; empty before the first. */
    public Optional<LocalDate> lastRealRun() {
        return records.lastRealRun();
    }

    /** A run sets deadlines in working days: its date must lie where the calendar can count them. */
    private void refuseDateBeyondTheCalendar(LocalDate date) {
        try {
            calendars.calendar().workingDaysAfter(date, Math.max(rules.appealWorkingDays(), rules.rectificationWorkingDays()));
        } catch (UnsupportedYearException e) {
            throw ProblemException.invalid("asOf", Msg.RUN_BEYOND_THE_CALENDAR.with(e.text()));
        }
    }

    private long runExclusively(LocalDate date, Trigger trigger, String startedBy) {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "select pg_try_advisory_lock(?)")) {
                throw ProblemException.conflict("run-in-progress", Msg.RUN_IN_PROGRESS_TITLE, Msg.RUN_IN_PROGRESS_DETAIL.with());
            }
            try {
                return execute(records.claimReal(date, trigger, startedBy), date, false);
            } finally {
                advisory(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the run lock", e);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, REAL_RUN_LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private long execute(long runId, LocalDate date, boolean dryRun) {
        RunContext run = new RunContext(runId, date, dryRun, "cleanup-run/" + runId, rules.settings(), calendars.calendar());
        List<Map<String, Object>> failures = Collections.synchronizedList(new ArrayList<>());
        try (ChunkWorkers workers = new ChunkWorkers(runId, config.workers())) {
            for (CleanupStep step : steps) {
                List<Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> step.select(run));
                List<List<Candidate>> chunks = chunks(candidates, config.chunkSize());
                if (dryRun) {
                    workers.forEach(chunks, chunk -> QuarkusTransaction.requiringNew().run(() -> records.recordActions(runId, step, chunk)));
                } else if (!chunks.isEmpty()) {
                    applyChunk(run, step, chunks.get(0), failures);
                    if (chunks.size() > 1) {
                        refreshNoticeStatistics();
                    }
                    workers.forEach(chunks.subList(1, chunks.size()), chunk -> applyChunk(run, step, chunk, failures));
                }
                LOG.infof("Run %d (%s, %s): %s selected %d", runId, date, dryRun ? "dry" : "real", step.rule(), candidates.size());
            }
        }
        records.complete(runId, run.warnings, failures).forEach((rule, count) -> metrics.counter("emall.cleanup.actions", "rule", rule).increment(count));
        if (!dryRun) {
            refreshEventStatistics();
        }
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
     * Every action that refers to a notice makes PostgreSQL check that the notice exists, with a plan
     * it keeps per connection. A plan made while the notice table was tiny (an empty e-mall, or only
     * the night's few delisting notices so far) scans the table instead of its index, and on a night
     * that issues thousands of rectification notices each check then reads all of them: measured at
     * 338 buffer reads per check, three quarters of the real run (BENCHMARKS.md). Fresh statistics
     * after a step's first full chunk make every connection plan the check again, with the index.
     */
    /** Before the run lets go of its lock and the outbox's channels read what it wrote: see {@link EventFeed#refreshStatistics}. */
    private void refreshEventStatistics() {
        try {
            QuarkusTransaction.requiringNew().run(feed::refreshStatistics);
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh the outbox's statistics (deliveries go on, perhaps slower): %s", rootMessage(e));
        }
    }

    private void refreshNoticeStatistics() {
        try {
            QuarkusTransaction.requiringNew().run(() -> jdbc.update("analyze notice"));
        } catch (RuntimeException e) {
            LOG.warnf("Could not refresh the notice statistics (the run goes on, perhaps slower): %s", rootMessage(e));
        }
    }

    /** Applies a step to a chunk and records what it did, in one transaction; on failure, subject by subject. */
    private void applyChunk(RunContext run, CleanupStep step, List<Candidate> chunk, List<Map<String, Object>> failures) {
        try {
            QuarkusTransaction.requiringNew().run(() -> records.recordActions(run.runId, step, step.apply(run, chunk)));
        } catch (RuntimeException chunkFailure) {
            if (chunk.size() > 1) {
                for (Candidate candidate : chunk) {
                    applyChunk(run, step, List.of(candidate), failures);
                }
                return;
            }
            Candidate candidate = chunk.get(0);
            LOG.errorf(chunkFailure, "Run %d: %s failed for supplier %d", run.runId, step.rule(), candidate.supplierId());
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("rule", step.rule());
            failure.put("supplierId", candidate.supplierId());
            failure.put("productId", candidate.productId());
            failure.put("noticeId", candidate.noticeId());
            failure.put("error", rootMessage(chunkFailure));
            failures.add(failure);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
