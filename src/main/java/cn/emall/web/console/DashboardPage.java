package cn.emall.web.console;

import cn.emall.calendar.CalendarService;
import cn.emall.enforcement.AppealView;
import cn.emall.enforcement.NoticeService;
import cn.emall.enforcement.NoticeView;
import cn.emall.enforcement.run.CleanupRunner;
import cn.emall.enforcement.run.RunReport;
import cn.emall.enforcement.run.RunReports;
import cn.emall.platform.time.BusinessDates;
import cn.emall.supplier.SupplierRepository;
import cn.emall.supplier.SupplierStatus;
import cn.emall.supplier.SupplierView;
import cn.emall.web.Labels;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 工作台: what waits for the officers today (applications, appeals, notices falling due), how last
 * night's run went, and, on request, what tonight's run would do (a dry run for today).
 */
@Path("/console")
@PermitAll
@SignedIn
public class DashboardPage {

    /** How many of each list the dashboard shows; the list's own page has the rest. */
    static final int SHOWN = 5;
    /** The appeals' status while they wait for an officer. */
    static final String WAITING = "PENDING";

    /** An appeal waiting for a decision, with the deadline of the notice it answers. */
    public record WaitingAppeal(AppealView appeal, String supplierName, LocalDate deadline) {
    }

    /** A notice falling due, with its supplier's name. */
    public record DueNotice(NoticeView notice, String supplierName) {

        public String kindLabel() {
            return Labels.of("NOTICE_KIND", notice.kind().name());
        }
    }

    /** A run's counts, rule by rule in the order of the steps, and how long it took. */
    public record RunSummary(RunReport run, List<RuleCount> counts, Duration took) {

        static RunSummary of(RunReport run) {
            List<RuleCount> counts = Stream.concat(Labels.runRules().stream(),
                            run.counts().keySet().stream().filter(rule -> !Labels.runRules().contains(rule)))
                    .map(rule -> new RuleCount(rule, Labels.rule(rule), run.counts().getOrDefault(rule, 0L))).toList();
            return new RunSummary(run, counts, run.finishedAt() == null ? null
                    : Duration.between(run.startedAt(), run.finishedAt()));
        }

        public String statusLabel() {
            return Labels.of("RUN_STATUS", run.status());
        }

        /** 1 分 05 秒, 2.4 秒, 380 毫秒: how long the run took. */
        public String duration() {
            if (took == null) {
                return "—";
            }
            long millis = took.toMillis();
            if (millis < 1000) {
                return millis + " 毫秒";
            }
            return millis < 60_000 ? String.format(java.util.Locale.ROOT, "%.1f 秒", millis / 1000.0)
                    : String.format(java.util.Locale.ROOT, "%d 分 %02d 秒", millis / 60_000, (millis / 1000) % 60);
        }

        public int failures() {
            return run.failures() == null ? 0 : run.failures().size();
        }
    }

    public record RuleCount(String rule, String label, long count) {
    }

    /** What the dashboard shows. */
    public record Dashboard(LocalDate today, long pendingApplications, List<SupplierView> applications,
                            long waitingAppeals, List<WaitingAppeal> appeals,
                            long dueNotices, List<DueNotice> notices,
                            RunSummary lastRun, List<Integer> calendarMissing) {

        public LocalDate tomorrow() {
            return today.plusDays(1);
        }
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dashboard(Dashboard dashboard, RunSummary preview);

        /** The preview of tonight's run, which htmx puts into the dashboard. */
        static native TemplateInstance dashboard$preview(RunSummary preview);
    }

    private final SupplierRepository suppliers;
    private final NoticeService notices;
    private final RunReports runs;
    private final CleanupRunner runner;
    private final CalendarService calendars;
    private final BusinessDates dates;
    private final ConsoleSession console;

    public DashboardPage(SupplierRepository suppliers, NoticeService notices, RunReports runs, CleanupRunner runner,
                         CalendarService calendars, BusinessDates dates, ConsoleSession console) {
        this.suppliers = suppliers;
        this.notices = notices;
        this.runs = runs;
        this.runner = runner;
        this.calendars = calendars;
        this.dates = dates;
        this.console = console;
    }

    @GET
    @Transactional
    public Response dashboard() {
        return ConsolePages.page(Templates.dashboard(dashboardNow(), null));
    }

    /**
     * A dry run for today, as tonight's run would find things now: it changes nothing but its own report.
     * htmx puts the preview into the dashboard; without scripts the dashboard is shown again with it.
     */
    @POST
    @Path("preview")
    public Response preview(@HeaderParam("HX-Request") String htmx) {
        long id = runner.run(dates.today(), true, CleanupRunner.Trigger.MANUAL, console.officer());
        RunSummary preview = RunSummary.of(runs.report(id));
        return ConsolePages.page("true".equals(htmx) ? Templates.dashboard$preview(preview)
                : Templates.dashboard(dashboardNow(), preview));
    }

    private Dashboard dashboardNow() {
        LocalDate today = dates.today();
        var pending = new SupplierRepository.Search(SupplierStatus.PENDING, null);
        List<SupplierView> applications = suppliers.search(pending, 0, SHOWN).stream().map(SupplierView::from).toList();

        List<AppealView> waiting = notices.appeals(WAITING, SHOWN, 0);
        List<NoticeView> due = notices.openDue(today, today.plusDays(1), SHOWN, 0);
        Map<Long, String> names = suppliers.names(Stream.concat(waiting.stream().map(AppealView::supplierId),
                due.stream().map(NoticeView::supplierId)).toList());
        List<WaitingAppeal> appeals = waiting.stream().map(appeal -> new WaitingAppeal(appeal,
                names.get(appeal.supplierId()), notices.get(appeal.noticeId()).deadline())).toList();

        return new Dashboard(today, suppliers.count(pending), applications,
                notices.countAppeals(WAITING), appeals,
                notices.countOpenDue(today, today.plusDays(1)),
                due.stream().map(notice -> new DueNotice(notice, names.get(notice.supplierId()))).toList(),
                runs.latest(false).map(RunSummary::of).orElse(null), calendars.missingNearYears());
    }
}
