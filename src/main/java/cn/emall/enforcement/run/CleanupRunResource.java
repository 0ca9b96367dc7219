package cn.emall.enforcement.run;

import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.text.Catalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Locale;

@Path("/api/v1/cleanup-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OFFICER)
@Tag(name = "Cleanup runs")
public class CleanupRunResource {

    private final CleanupRunner runner;
    private final RunReports reports;
    private final ReportDownloads downloads;
    private final CurrentUser user;

    public CleanupRunResource(CleanupRunner runner, RunReports reports, ReportDownloads downloads, CurrentUser user) {
        this.runner = runner;
        this.reports = reports;
        this.downloads = downloads;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runCleanup", summary = "Run the nightly cleanup for asOf (default today). A dry run changes "
            + "nothing and may look at any date, "
            + "also the future. A real run is allowed for today or a missed night after the last real run (real runs go "
            + "forward in date order); 409 when that date already ran or another real run is working. An interrupted real "
            + "run is resumed by running its date again.")
    @APIResponse(responseCode = "201", description = "The run, finished: its report",
            headers = @Header(name = "Location", description = "The path of the run report",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunReport.class)))
    @APIResponse(responseCode = "409", description = "That date already ran (already-ran: runId names its report), the date is "
            + "not after the last real run (out-of-order: lastRealRun), or another real run is working (run-in-progress)")
    public Response run(@jakarta.validation.Valid @NotNull RunRequest request) {
        long id = runner.run(request.asOf(), request.dryRun(), CleanupRunner.Trigger.MANUAL, user.name());
        return Response.created(URI.create("/api/v1/cleanup-runs/" + id)).entity(reports.report(id)).build();
    }

    @GET
    @Operation(operationId = "listCleanupRuns", summary = "Run reports, newest first: counts per rule, warnings, failures")
    public PageResponse<RunReport> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        return new PageResponse<>(reports.list(paging.size(), paging.offset()), paging.page(), paging.size(), reports.count());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCleanupRun", summary = "One report with its actions and their evidence (the first 1,000; see "
            + ".../actions for all)")
    public RunReport get(@PathParam("id") long id) {
        return reports.report(id);
    }

    @GET
    @Path("{id}/actions")
    @Operation(operationId = "listCleanupRunActions", summary = "A report's actions, paged")
    public PageResponse<RunReport.Action> actions(@PathParam("id") long id, @QueryParam("page") Integer page,
                                                  @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        RunReport report = reports.report(id);
        return new PageResponse<>(reports.actions(id, paging.size(), paging.offset()), paging.page(), paging.size(),
                report.actionsTotal());
    }

    @GET
    @Path("{id}/report.csv")
    @Produces("text/csv")
    @Operation(operationId = "downloadCleanupRunCsv", summary = "The report as CSV, UTF-8 with BOM (opens in Excel with the "
            + "Chinese names intact)")
    @APIResponse(responseCode = "200", description = "The report as CSV (UTF-8 with BOM)",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"cleanup-run-<id>.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("id") long id, @Context HttpHeaders headers) {
        RunReport report = reports.report(id);
        Locale locale = Catalogue.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        StreamingOutput body = out -> downloads.csv(report, out, locale);
        return Response.ok(body, "text/csv; charset=UTF-8").header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header("Content-Disposition", "attachment; filename=\"cleanup-run-" + id + ".csv\"").build();
    }

    @GET
    @Path("{id}/report.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(operationId = "downloadCleanupRunXlsx", summary = "The report as an Excel workbook")
    @APIResponse(responseCode = "200", description = "The report as an Excel workbook",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"cleanup-run-<id>.xlsx\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response xlsx(@PathParam("id") long id, @Context HttpHeaders headers) {
        RunReport report = reports.report(id);
        Locale locale = Catalogue.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        StreamingOutput body = out -> downloads.xlsx(report, out, locale);
        return Response.ok(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .header("Content-Disposition", "attachment; filename=\"cleanup-run-" + id + ".xlsx\"").build();
    }
}
