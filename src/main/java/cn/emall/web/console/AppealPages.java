package cn.emall.web.console;

import cn.emall.document.DocumentView;
import cn.emall.document.Documents;
import cn.emall.enforcement.Announcement;
import cn.emall.enforcement.Announcements;
import cn.emall.enforcement.AppealDecisionRequest;
import cn.emall.enforcement.AppealView;
import cn.emall.enforcement.NoticeService;
import cn.emall.enforcement.NoticeView;
import cn.emall.ledger.LedgerService;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.text.Msg;
import cn.emall.web.Paging;
import cn.emall.web.Queries;
import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * 申诉: the queue of appeals against delisting notices, and an appeal's page with the notice and its
 * evidence, the supplier's reason and materials, and its ledger in the notice's window, where the
 * officer accepts or rejects it with a reason through {@link NoticeService#decide}, as {@code POST
 * /api/v1/appeals/{id}/decision} does.
 */
@Path("/console/appeals")
@PermitAll
@SignedIn
public class AppealPages {

    /** Ledger lines on a page of an appeal. */
    static final int LEDGER_LINES_PER_PAGE = 20;

    @CheckedTemplate(basePath = "console/appeals")
    static class Templates {
        static native TemplateInstance list(AppealQueue queue);

        static native TemplateInstance appeal(AppealPage page);

        /** The ledger of {@link #appeal}: what htmx swaps in when its page changes. */
        static native TemplateInstance appeal$ledger(AppealPage page);
    }

    private final NoticeService notices;
    private final Announcements announcements;
    private final LedgerService ledger;
    private final Documents documents;
    private final FormValidation forms;
    private final ConsoleSession console;

    public AppealPages(NoticeService notices, Announcements announcements, LedgerService ledger, Documents documents,
                       FormValidation forms, ConsoleSession console) {
        this.notices = notices;
        this.announcements = announcements;
        this.ledger = ledger;
        this.documents = documents;
        this.forms = forms;
        this.console = console;
    }

    /** The queue: the appeals waiting for a decision first, or those of another status. */
    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") String page) {
        String wanted = status == null ? "PENDING" : Params.upperWord(status);
        if (wanted != null && !List.of("PENDING", "ACCEPTED", "REJECTED").contains(wanted)) {
            throw ProblemException.invalid("status", Msg.MUST_BE_ONE_OF.with(List.of("PENDING", "ACCEPTED", "REJECTED")));
        }
        PageRequest paging = Queries.paging(page, null);
        List<AppealQueue.Row> rows = notices.appeals(wanted, paging.size(), paging.offset()).stream()
                .map(appeal -> new AppealQueue.Row(appeal, announcements.one(appeal.noticeId()).orElse(null)))
                .toList();
        return ConsolePages.page(Templates.list(new AppealQueue(rows, Paging.of(paging, notices.countAppeals(wanted)),
                wanted == null ? "" : wanted, ConsoleLabels.appealStatusChoices(wanted))));
    }

    @GET
    @Path("{id}")
    public Response appeal(@PathParam("id") String id, @QueryParam("ledgerPage") String ledgerPage,
                           @HeaderParam("HX-Request") String htmx, @HeaderParam("HX-History-Restore-Request") String restoring) {
        AppealPage page = page(appealId(id), ledgerPage, FormErrors.NONE, "", "");
        boolean ledgerOnly = "true".equals(htmx) && !"true".equals(restoring);
        return ConsolePages.page(ledgerOnly ? Templates.appeal$ledger(page) : Templates.appeal(page));
    }

    /** Accept or reject, with a reason; refused as the API refuses, shown beside the fields. */
    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, @FormParam("decision") String decision, @FormParam("reason") String reason) {
        long appealId = appealId(id);
        try {
            AppealDecisionRequest request = forms.checked(new AppealDecisionRequest(
                    Params.enumValue("decision", decision, NoticeService.AppealDecision.class), reason));
            notices.decide(console.officer(), appealId, request.decision(), request.reason());
            return ConsolePages.seeOther("/console/appeals/" + appealId);
        } catch (ProblemException e) {
            return ConsolePages.page(e.status(), Templates.appeal(page(appealId, null, FormErrors.of(e),
                    decision == null ? "" : decision, reason == null ? "" : reason)));
        }
    }

    private AppealPage page(long appealId, String ledgerPage, FormErrors errors, String decision, String reason) {
        AppealView appeal = notices.appeal(appealId);
        NoticeView notice = notices.get(appeal.noticeId());
        Announcement announcement = announcements.one(notice.id())
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_ANNOUNCEMENT.with(notice.id())));
        PageRequest paging = PageRequest.of(Params.wholeNumber("ledgerPage", ledgerPage), LEDGER_LINES_PER_PAGE);
        AppealPage.Ledger lines = announcement.windowFrom() == null || announcement.windowTo() == null ? null
                : new AppealPage.Ledger(ledger.lines(appeal.supplierId(), announcement.windowFrom(), announcement.windowTo(), paging),
                        paging, notice.noticeDate());
        return new AppealPage(appeal, notice, announcement, materials(appeal.materials()), lines, errors, decision, reason);
    }

    /** The appeal's materials with what the store knows of each document (name, type, size). */
    private List<AppealPage.Attached> materials(JsonNode materials) {
        List<AppealPage.Attached> attached = new ArrayList<>();
        if (materials == null) {
            return attached;
        }
        for (JsonNode material : materials) {
            String ref = material.path("documentRef").asText();
            DocumentView document;
            try {
                document = documents.readable(ref, new Documents.Reader(true, null));
            } catch (ProblemException e) {
                document = null;
            }
            attached.add(new AppealPage.Attached(material.path("kind").asText(), ref, document));
        }
        return attached;
    }

    private static long appealId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(Msg.THE_APPEAL.with(id));
        }
    }
}
