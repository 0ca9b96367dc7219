package cn.emall.web.console;

import cn.emall.document.DocumentView;
import cn.emall.document.Documents;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.supplier.Supplier;
import cn.emall.supplier.SupplierRepository;
import cn.emall.supplier.SupplierService;
import cn.emall.supplier.SupplierStatus;
import cn.emall.supplier.SupplierView;
import cn.emall.supplier.model.CreditCode;
import cn.emall.text.Catalogue;
import cn.emall.text.Msg;
import cn.emall.web.Labels;
import cn.emall.web.Paging;
import cn.emall.web.Queries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 入驻审核: the queue of applications with its filters, an application's page with every field, the
 * credit-code check and the materials shown in the page, and the officer's decision, which
 * {@link SupplierService#decide} takes exactly as it does for the API (the rules, a pilot code's
 * reason among them, are its own; their refusals are shown beside the form).
 */
@Path("/console/applications")
@PermitAll
@SignedIn
public class ApplicationPages {

    /** One row of the queue. */
    public record Row(SupplierView supplier, OffsetDateTime appliedAt) {

        public String statusLabel() {
            return Labels.of("SUPPLIER_STATUS", supplier.status().name());
        }
    }

    /** The queue: its filters, one page of applications, and the links to the others. */
    public record Queue(SupplierStatus status, String query, String region, Paging paging, List<Row> rows) {

        public List<Labels.Choice> statuses() {
            return List.of(SupplierStatus.values()).stream()
                    .map(s -> new Labels.Choice(s.name(), Labels.of("SUPPLIER_STATUS", s.name()), s == status)).toList();
        }

        public boolean filtered() {
            return status != SupplierStatus.PENDING || !query.isEmpty() || !region.isEmpty();
        }

        public String url(long page) {
            return "/console/applications?status=" + (status == null ? "" : status.name())
                    + (query.isEmpty() ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                    + (region.isEmpty() ? "" : "&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8))
                    + (page > 0 ? "&page=" + page : "");
        }
    }

    /** A material as the page shows it: the document's own metadata when it is stored, else only its reference. */
    public record MaterialShown(SupplierView.MaterialView material, DocumentView document) {

        public String kindLabel() {
            return Labels.of("MATERIAL_KIND", material.kind());
        }

        public boolean pdf() {
            return document != null && document.contentType().equals("application/pdf");
        }

        public boolean image() {
            return document != null && document.contentType().startsWith("image/");
        }

        public String url() {
            return "/console/documents/" + material.documentRef();
        }
    }

    /** An application's page: the supplier, the check of its credit code, its materials and what was decided. */
    public record Application(SupplierView supplier, OffsetDateTime appliedAt, OffsetDateTime decidedAt, String decidedBy,
                              String creditCodeProblem, List<MaterialShown> materials, String decided) {

        public String statusLabel() {
            return Labels.of("SUPPLIER_STATUS", supplier.status().name());
        }

        public boolean pending() {
            return supplier.status() == SupplierStatus.PENDING;
        }
    }

    /** The decision form as sent, so that a refused one is shown again as it was. */
    public record DecisionForm(String decision, String reason) {

        static final DecisionForm EMPTY = new DecisionForm("", "");

        public boolean approve() {
            return "APPROVE".equals(decision);
        }

        public boolean reject() {
            return "REJECT".equals(decision);
        }
    }

    @CheckedTemplate(basePath = "console/applications")
    static class Templates {
        static native TemplateInstance list(Queue queue);

        static native TemplateInstance list$results(Queue queue);

        static native TemplateInstance application(Application application, DecisionForm form, FormErrors errors);
    }

    private final SupplierRepository suppliers;
    private final SupplierService service;
    private final Documents documents;
    private final BusinessDates dates;
    private final ConsoleSession console;

    public ApplicationPages(SupplierRepository suppliers, SupplierService service, Documents documents, BusinessDates dates,
                            ConsoleSession console) {
        this.suppliers = suppliers;
        this.service = service;
        this.documents = documents;
        this.dates = dates;
        this.console = console;
    }

    /** The queue: pending applications by default, oldest first; any status, a name or code, a region. */
    @GET
    @Transactional
    public Response list(@QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("region") String region,
                         @QueryParam("page") String page, @HeaderParam("HX-Request") String htmx) {
        List<InvalidField> refused = new ArrayList<>();
        PageRequest paging = Queries.paging(refused, page, null);
        SupplierStatus wanted = status == null ? SupplierStatus.PENDING
                : status.isEmpty() ? null : Queries.read(refused, () -> Params.enumValue("status", status, SupplierStatus.class));
        Queries.refuse(refused);
        var search = new SupplierRepository.Search(wanted, q, region);
        List<Row> rows = suppliers.search(search, paging.page(), paging.size()).stream()
                .map(s -> new Row(SupplierView.from(s), dates.local(s.appliedAt))).toList();
        Queue queue = new Queue(wanted, q == null ? "" : q.trim(), region == null ? "" : region.trim(),
                Paging.of(paging, suppliers.count(search)), rows);
        return ConsolePages.page("true".equals(htmx) ? Templates.list$results(queue) : Templates.list(queue));
    }

    @GET
    @Path("{id}")
    @Transactional
    public Response application(@PathParam("id") String id, @QueryParam("decided") String decided) {
        return ConsolePages.page(Templates.application(load(id, decided), DecisionForm.EMPTY, FormErrors.NONE));
    }

    /** Approve or reject: the service decides whether that may be done, and says why not. */
    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, @FormParam("decision") String decision, @FormParam("reason") String reason) {
        long supplierId = supplierId(id);
        DecisionForm form = new DecisionForm(decision == null ? "" : decision, reason == null ? "" : reason);
        try {
            SupplierService.Decision chosen = Params.enumValue("decision", decision, SupplierService.Decision.class);
            if (chosen == null) {
                throw ProblemException.invalid("decision", Msg.CONSOLE_CHOOSE_DECISION.with());
            }
            service.decide(console.officer(), supplierId, chosen, reason);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return ConsolePages.page(e.status(), Templates.application(load(id, null), form, FormErrors.of(e)));
        }
        return ConsolePages.seeOther("/console/applications/" + supplierId + "?decided=" + decision);
    }

    private Application load(String id, String decided) {
        Supplier supplier = suppliers.findByIdOptional(supplierId(id))
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_SUPPLIER.with(id)));
        SupplierView view = SupplierView.from(supplier);
        CreditCode.Result check = CreditCode.check(supplier.creditCode);
        Documents.Reader officer = new Documents.Reader(true, null);
        List<MaterialShown> materials = view.materials().stream()
                .map(material -> new MaterialShown(material, readable(material.documentRef(), officer))).toList();
        String done = "APPROVE".equals(decided) ? text(Msg.CONSOLE_APPLICATION_APPROVED)
                : "REJECT".equals(decided) ? text(Msg.CONSOLE_APPLICATION_REJECTED) : null;
        return new Application(view, dates.local(supplier.appliedAt),
                supplier.decidedAt == null ? null : dates.local(supplier.decidedAt), supplier.decidedBy,
                check.isValid() ? null : check.message().in(Catalogue.CHINESE), materials, done);
    }

    /** The stored document, or none for a reference from before documents were stored (the reference is shown). */
    private DocumentView readable(String ref, Documents.Reader reader) {
        try {
            return documents.readable(ref, reader);
        } catch (ProblemException e) {
            return null;
        }
    }

    private static long supplierId(String id) {
        return Optional.ofNullable(parse(id)).orElseThrow(() -> ProblemException.notFound(Msg.THE_SUPPLIER.with(id)));
    }

    private static Long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Msg msg) {
        return msg.with().in(Catalogue.CHINESE);
    }
}
