package cn.emall.ledger;

import cn.emall.ledger.model.RecordingMode;
import cn.emall.platform.db.Jdbc;
import cn.emall.platform.error.Problem;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.security.CurrentUser;
import cn.emall.platform.security.Roles;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.PageResponse;
import cn.emall.platform.web.Params;
import com.fasterxml.jackson.annotation.JsonInclude;
import cn.emall.platform.db.DatabaseFailures;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Path("/api/v1/sales")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sales ledger")
public class SalesResource {

    public static final int MAX_BATCH = 1000;

    private final LedgerService ledger;
    private final SaleLineStore saleLines;
    private final CurrentUser user;

    public SalesResource(LedgerService ledger, SaleLineStore saleLines, CurrentUser user) {
        this.ledger = ledger;
        this.saleLines = saleLines;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_SYSTEM)
    @Operation(operationId = "recordSale", summary = "Record one ledger line: 201 when stored, 200 with the stored line when "
            + "the same (orderNo, lineNo) "
            + "comes again, 409 when that key was stored with other content, when a return exceeds its original, "
            + "or when the supplier is not active")
    @APIResponse(responseCode = "201", description = "The line, stored",
            headers = @Header(name = "Location", description = "The path of the stored line",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SaleLineView.class)))
    @APIResponse(responseCode = "200", description = "The same (orderNo, lineNo) with the same content was stored before: the "
            + "stored line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SaleLineView.class)))
    @APIResponse(responseCode = "409", description = "The key was stored with other content (idempotency-conflict), a return "
            + "exceeds what is left of its original (over-return: remainingQuantity, remainingAmount), or the supplier is not "
                    + "active (supplier-not-active)")
    public Response record(@NotNull SaleLineRequest line) {
        Outcome outcome = recordRetryingDeadlocks(List.of(line)).get(0);
        if (outcome instanceof Outcome.Created created) {
            return Response.created(URI.create("/api/v1/sales/" + created.line().id())).entity(created.line()).build();
        }
        if (outcome instanceof Outcome.AlreadyStored stored) {
            return Response.ok(stored.line()).build();
        }
        throw ((Outcome.Refused) outcome).problem();
    }

    /** One line's answer in a batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SalesBatchLineResult", description = "One line's answer in a batch: the status it would get alone (201 "
            + "stored, 200 already stored, 4xx refused), with the stored line or the problem")
    public record LineResult(int index, int status, SaleLineView line, Problem problem) {
    }

    @Schema(name = "SalesBatchResult", description = "A batch's answer: how many lines were stored, already stored or refused, "
            + "and each line's result in order")
    public record BatchResult(int created, int alreadyStored, int refused, List<LineResult> results) {
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORDER_SYSTEM)
    @Operation(operationId = "recordSalesBatch", summary = "Record up to 1,000 lines (a JSON array) in order; each is answered "
            + "with the status it would get alone")
    @APIResponse(responseCode = "200", description = "Each line's answer, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "413", description = "More than 1,000 lines (too-large), or a body larger than the service "
            + "accepts")
    public BatchResult batch(@NotNull List<SaleLineRequest> lines, @Context HttpHeaders headers) {
        if (lines.isEmpty()) {
            throw ProblemException.invalid("body", Msg.BATCH_EMPTY.with());
        }
        if (lines.size() > MAX_BATCH) {
            throw new ProblemException(413, "too-large", Msg.BATCH_TOO_LARGE_TITLE,
                    Msg.BATCH_TOO_LARGE_DETAIL.with(MAX_BATCH, lines.size()));
        }
        Locale locale = Catalogue.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        List<Outcome> outcomes = recordRetryingDeadlocks(lines);
        List<LineResult> results = new ArrayList<>(outcomes.size());
        int created = 0;
        int stored = 0;
        int refused = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome instanceof Outcome.Created createdNow) {
                created++;
                results.add(new LineResult(i, 201, createdNow.line(), null));
            } else if (outcome instanceof Outcome.AlreadyStored storedBefore) {
                stored++;
                results.add(new LineResult(i, 200, storedBefore.line(), null));
            } else {
                ProblemException problem = ((Outcome.Refused) outcome).problem();
                refused++;
                results.add(new LineResult(i, problem.status(), null, problem.toProblem(locale)));
            }
        }
        return new BatchResult(created, stored, refused, results);
    }

    /**
     * PostgreSQL may still break a lock cycle between concurrent batches (a deadlock or a serialization
     * failure rolls the whole batch back); the batch is then simply recorded again, a few times.
     */
    private List<Outcome> recordRetryingDeadlocks(List<SaleLineRequest> lines) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ledger.record(lines, RecordingMode.LIVE);
            } catch (RuntimeException e) {
                if (attempt >= 3 || !isLockConflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isLockConflict(Throwable e) {
        return DatabaseFailures.hasSqlState(e, state -> state.equals("40P01") || state.equals("40001"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER, Roles.ORDER_SYSTEM})
    @Operation(operationId = "getSale", summary = "One ledger line, the path that recording it answers in Location: the "
            + "order system and officers read any line, a supplier only its own (another's answers 404)")
    @APIResponse(responseCode = "200", description = "The line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SaleLineView.class)))
    public SaleLineView get(@PathParam("id") long id) {
        return saleLines.find(id)
                .filter(line -> user.supplierId().map(own -> own == line.supplierId()).orElse(true))
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_SALE_LINE.with(id)));
    }

    @GET
    @RolesAllowed({Roles.SUPPLIER, Roles.OFFICER})
    @Operation(operationId = "listSales", summary = "Ledger lines by business date of the sale (from and to inclusive): a "
            + "supplier reads its own; "
            + "an officer any, filtered by supplierId and productId")
    public PageResponse<SaleLineView> list(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
                                           @QueryParam("from") String from,
                                           @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
                                           @QueryParam("to") String to,
                                           @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                                           @QueryParam("supplierId") String supplierId,
                                           @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                                           @QueryParam("productId") String productId,
                                           @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest paging = PageRequest.of(page, size);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ProblemException.invalid("to", Msg.NOT_BEFORE_FROM.with());
        }
        Long supplier = user.isOfficer() ? Params.id("supplierId", supplierId) : user.supplierId().orElseThrow();
        Long product = Params.id("productId", productId);
        return saleLines.page(supplier, product, fromDate, toDate, paging);
    }
}
