package cn.emall.web.console;

import cn.emall.enforcement.run.CleanupRunner;
import cn.emall.enforcement.run.ReportDownloads;
import cn.emall.enforcement.run.RunReport;
import cn.emall.enforcement.run.RunReports;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import cn.emall.web.Paging;
import cn.emall.web.Queries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 清理运行: the list of cleanup runs, a dry run for any date, a run's report with its actions paged
 * and filtered, its CSV and XLSX downloads, and the real run, offered only when {@link CleanupRunner}
 * allows one and only after a dry run for that date has shown what it would do. Every run goes
 * through {@link CleanupRunner#run} with the signed-in officer, exactly as {@code POST
 * /api/v1/cleanup-runs} does.
 */
@Path("/console/runs")
@PermitAll
@SignedIn
public class RunPages {

    /** Actions on a page of a run's report. */
    static final int ACTIONS_PER_PAGE = 50;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @CheckedTemplate(basePath = "console/runs")
    static class Templates {
        static native TemplateInstance list(RunList runs);

        static native TemplateInstance report(RunPage run);

        /** The actions of {@link #report}: what htmx swaps in when the filter or the page changes. */
        static native TemplateInstance report$actions(RunPage run);

        static native TemplateInstance confirm(RealRunConfirmation confirmation);
    }

    private final CleanupRunner runner;
    private final RunReports reports;
    private final ReportDownloads downloads;
    private final BusinessDates dates;
    private final ConsoleSession console;

    public RunPages(CleanupRunner runner, RunReports reports, ReportDownloads downloads, BusinessDates dates,
                    ConsoleSession console) {
        this.runner = runner;
        this.reports = reports;
        this.downloads = downloads;
        this.dates = dates;
        this.console = console;
    }

    @GET
    public Response list(@QueryParam("page") String page) {
        return ConsolePages.page(Templates.list(runList(page, "", "", FormErrors.NONE, FormErrors.NONE)));
    }

    /** A dry run for the date (today when empty): nothing changes; its report opens. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@FormParam("asOf") String asOf) {
        try {
            long id = runner.run(date(asOf), true, CleanupRunner.Trigger.MANUAL, console.officer());
            return ConsolePages.seeOther("/console/runs/" + id);
        } catch (ProblemException e) {
            return ConsolePages.page(e.status(), Templates.list(runList(null, text(asOf), "", FormErrors.of(e), FormErrors.NONE)));
        }
    }

    /**
     * The step before a real run: refused at once when the rules do not allow one for the date;
     * otherwise a dry run for it, whose counts the confirmation shows.
     */
    @POST
    @Path("real/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("asOf") String asOf) {
        try {
            LocalDate date = date(asOf);
            Optional<ProblemException> refusal = runner.realRunRefusal(date);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            long preview = runner.run(date, true, CleanupRunner.Trigger.MANUAL, console.officer());
            return ConsolePages.page(Templates.confirm(new RealRunConfirmation(date == null ? dates.today() : date,
                    reports.summary(preview), runner.lastRealRun().orElse(null))));
        } catch (ProblemException e) {
            return ConsolePages.page(e.status(), Templates.list(runList(null, "", text(asOf), FormErrors.NONE, FormErrors.of(e))));
        }
    }

    /** The real run, confirmed: what the nightly job does, for the date. */
    @POST
    @Path("real")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response real(@FormParam("asOf") String asOf) {
        try {
            long id = runner.run(date(asOf), false, CleanupRunner.Trigger.MANUAL, console.officer());
            return ConsolePages.seeOther("/console/runs/" + id);
        } catch (ProblemException e) {
            return ConsolePages.page(e.status(), Templates.list(runList(null, "", text(asOf), FormErrors.NONE, FormErrors.of(e))));
        }
    }

    /**
     * A run's report: a full page, or only its actions for htmx (HX-Request), except when htmx restores
     * a page of its history, which needs the whole of it.
     */
    @GET
    @Path("{id}")
    public Response report(@PathParam("id") String id, @QueryParam("rule") String rule, @QueryParam("supplier") String supplier,
                           @QueryParam("creditCode") String creditCode, @QueryParam("after") String after,
                           @QueryParam("before") String before, @HeaderParam("HX-Request") String htmx,
                           @HeaderParam("HX-History-Restore-Request") String restoring) {
        RunReport report = reports.summary(runId(id));
        List<InvalidField> refused = new ArrayList<>();
        RunPage.Filter filter = new RunPage.Filter(text(rule).toUpperCase(Locale.ROOT), text(supplier),
                text(creditCode).toUpperCase(Locale.ROOT));
        if (!filter.rule().isEmpty() && !runner.ruleNames().contains(filter.rule())) {
            refused.add(new InvalidField("rule", Msg.MUST_BE_ONE_OF.with(runner.ruleNames())));
        }
        if (filter.supplier().length() > 100) {
            refused.add(new InvalidField("supplier", Msg.AT_MOST_CHARACTERS.with(100)));
        }
        if (filter.creditCode().length() > 18) {
            refused.add(new InvalidField("creditCode", Msg.AT_MOST_CHARACTERS.with(18)));
        }
        Long afterId = Queries.read(refused, () -> Params.id("after", after));
        Long beforeId = Queries.read(refused, () -> Params.id("before", before));
        Queries.refuse(refused);
        RunReports.ActionFilter actions = filter.toActions();
        List<RunReport.Action> page = reports.actions(report.id(), actions, afterId, beforeId, ACTIONS_PER_PAGE);
        boolean hasPrevious = !page.isEmpty() && reports.hasActionBeyond(report.id(), actions, page.get(0).id(), false);
        boolean hasNext = !page.isEmpty() && reports.hasActionBeyond(report.id(), actions, page.get(page.size() - 1).id(), true);
        RunPage run = new RunPage(report, filter, ConsoleLabels.ruleChoices(runner.ruleNames(), filter.rule()), page,
                actions.isAll() ? report.actionsTotal() : reports.countActions(report.id(), actions), hasPrevious, hasNext);
        boolean actionsOnly = "true".equals(htmx) && !"true".equals(restoring);
        return Response.fromResponse(ConsolePages.page(actionsOnly ? Templates.report$actions(run) : Templates.report(run)))
                .header(HttpHeaders.VARY, "HX-Request, HX-History-Restore-Request").build();
    }

    /** The report as CSV (UTF-8 with BOM), every action, streamed: the API's download. */
    @GET
    @Path("{id}/report.csv")
    public Response csv(@PathParam("id") String id) {
        RunReport report = reports.summary(runId(id));
        StreamingOutput body = out -> downloads.csv(report, out, Catalogue.CHINESE);
        return download(body, "text/csv; charset=UTF-8", "cleanup-run-" + report.id() + ".csv");
    }

    /** The report as an Excel workbook, every action, streamed: the API's download. */
    @GET
    @Path("{id}/report.xlsx")
    public Response xlsx(@PathParam("id") String id) {
        RunReport report = reports.summary(runId(id));
        StreamingOutput body = out -> downloads.xlsx(report, out, Catalogue.CHINESE);
        return download(body, XLSX, "cleanup-run-" + report.id() + ".xlsx");
    }

    private static Response download(StreamingOutput body, String type, String filename) {
        return Response.ok(body, type).header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private RunList runList(String page, String previewDate, String realDate, FormErrors previewError, FormErrors realError) {
        PageRequest paging = Queries.paging(page, null);
        LocalDate today = dates.today();
        return new RunList(reports.list(paging.size(), paging.offset()), Paging.of(paging, reports.count()), today,
                runner.lastRealRun().orElse(null),
                runner.realRunRefusal(today).map(refusal -> refusal.toProblem(Catalogue.CHINESE).detail()).orElse(null),
                previewDate.isEmpty() ? today.toString() : previewDate, realDate.isEmpty() ? today.toString() : realDate,
                previewError, realError);
    }

    /** The form's date, checked as the API checks asOf; empty is today (null), as an asOf left out. */
    private static LocalDate date(String asOf) {
        return Params.date("asOf", text(asOf).isEmpty() ? null : text(asOf));
    }

    private static long runId(String id) {
        Long parsed = parsedId(id);
        if (parsed == null) {
            throw ProblemException.notFound(Msg.THE_CLEANUP_RUN.with(id));
        }
        return parsed;
    }

    private static Long parsedId(String id) {
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
