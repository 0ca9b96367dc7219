package cn.emall.web.console;

import cn.emall.calendar.model.UnsupportedYearException;
import cn.emall.calendar.model.WorkingDayCalendar;
import cn.emall.enforcement.NoticeService;
import cn.emall.enforcement.NoticeView;
import cn.emall.enforcement.ProcessingNoticeRequest;
import cn.emall.enforcement.model.NoticeKind;
import cn.emall.enforcement.model.NoticeStatus;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.supplier.SupplierRepository;
import cn.emall.supplier.SupplierView;
import cn.emall.text.Msg;
import cn.emall.web.Paging;
import cn.emall.web.Queries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 处理通知: the notices to suppliers with filters, a notice's page, and issuing a processing notice
 * through {@link NoticeService#issueProcessing}, as {@code POST /api/v1/notices} does, with its
 * deadline shown as it will be computed ({@link NoticeService#processingDeadline}) before it is sent.
 */
@Path("/console/notices")
@PermitAll
@SignedIn
public class NoticePages {

    /** The working days a new processing notice's form starts with. */
    static final int DEFAULT_WORKING_DAYS = 5;

    @CheckedTemplate(basePath = "console/notices")
    static class Templates {
        static native TemplateInstance list(NoticeList notices);

        static native TemplateInstance notice(NoticeView notice, SupplierView supplier);

        static native TemplateInstance issue(IssueForm form);

        /** The deadline of {@link #issue}: what htmx swaps in when the working days change. */
        static native TemplateInstance issue$deadline(IssueForm form);
    }

    private final NoticeService notices;
    private final SupplierRepository suppliers;
    private final FormValidation forms;
    private final ConsoleSession console;

    public NoticePages(NoticeService notices, SupplierRepository suppliers, FormValidation forms, ConsoleSession console) {
        this.notices = notices;
        this.suppliers = suppliers;
        this.forms = forms;
        this.console = console;
    }

    /** Notices newest first, filtered by kind, status and supplier as the API filters them; processing notices unless asked otherwise. */
    @GET
    @Transactional
    public Response list(@QueryParam("kind") String kind, @QueryParam("status") String status,
                         @QueryParam("supplierId") String supplierId, @QueryParam("page") String page) {
        List<InvalidField> refused = new ArrayList<>();
        NoticeKind wantedKind = kind == null ? NoticeKind.PROCESSING
                : Queries.read(refused, () -> Params.enumValue("kind", kind, NoticeKind.class));
        NoticeStatus wantedStatus = Queries.read(refused, () -> Params.enumValue("status", status, NoticeStatus.class));
        Long supplier = Queries.read(refused, () -> Params.id("supplierId", supplierId));
        PageRequest paging = Queries.paging(refused, page, null);
        Queries.refuse(refused);
        String statusName = wantedStatus == null ? null : wantedStatus.name();
        List<NoticeList.Row> rows = notices.list(supplier, wantedKind, statusName, null, paging.size(), paging.offset()).stream()
                .map(notice -> new NoticeList.Row(notice, supplier(notice.supplierId()).orElse(null)))
                .toList();
        return ConsolePages.page(Templates.list(new NoticeList(rows, Paging.of(paging, notices.count(supplier, wantedKind, statusName, null)),
                new NoticeList.Filter(wantedKind == null ? "" : wantedKind.name(), statusName == null ? "" : statusName,
                        supplier == null ? "" : supplier.toString()),
                ConsoleLabels.kindChoices(wantedKind), ConsoleLabels.noticeStatusChoices(wantedStatus))));
    }

    @GET
    @Path("{id}")
    @Transactional
    public Response notice(@PathParam("id") String id) {
        NoticeView notice = notices.get(noticeId(id));
        return ConsolePages.page(Templates.notice(notice, supplier(notice.supplierId()).orElse(null)));
    }

    /** The form for a new processing notice, for the supplier named (when one is), with the deadline it would get today. */
    @GET
    @Path("new")
    @Transactional
    public Response form(@QueryParam("supplierId") String supplierId) {
        String supplier = supplierId == null ? "" : supplierId.trim();
        return ConsolePages.page(Templates.issue(form(supplier, "", "", String.valueOf(DEFAULT_WORKING_DAYS), FormErrors.NONE)));
    }

    /** The deadline for the working days typed, computed as issuing will compute it: htmx asks as they change. */
    @GET
    @Path("deadline")
    public Response deadlinePreview(@QueryParam("workingDays") String workingDays) {
        return ConsolePages.page(Templates.issue$deadline(new IssueForm("", null, "", "", text(workingDays),
                deadline(text(workingDays)), FormErrors.NONE)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(@FormParam("supplierId") String supplierId, @FormParam("subject") String subject,
                          @FormParam("body") String body, @FormParam("workingDays") String workingDays) {
        try {
            List<InvalidField> refused = new ArrayList<>();
            Long supplier = Queries.read(refused, () -> Params.id("supplierId", supplierId));
            Integer days = Queries.read(refused, () -> Params.wholeNumber("workingDays", workingDays));
            Queries.refuse(refused);
            ProcessingNoticeRequest request = forms.checked(new ProcessingNoticeRequest(supplier, subject, body, days));
            NoticeView notice = notices.issueProcessing(console.officer(), request.supplierId(), request.subject(), request.body(),
                    request.workingDays());
            return ConsolePages.seeOther("/console/notices/" + notice.id());
        } catch (ProblemException e) {
            return ConsolePages.page(e.status(), Templates.issue(form(text(supplierId), text(subject), text(body), text(workingDays),
                    FormErrors.of(e))));
        }
    }

    private IssueForm form(String supplierId, String subject, String body, String workingDays, FormErrors errors) {
        SupplierView supplier = parsedId(supplierId).flatMap(this::supplier).orElse(null);
        return new IssueForm(supplierId, supplier, subject, body, workingDays, deadline(workingDays), errors);
    }

    /** The deadline a notice issued now would get, or why the working days cannot give one. */
    private IssueForm.Deadline deadline(String workingDays) {
        try {
            Integer days = Params.wholeNumber("workingDays", workingDays.isEmpty() ? null : workingDays);
            forms.checkValue(ProcessingNoticeRequest.class, "workingDays", days);
            WorkingDayCalendar.Deadline deadline = notices.processingDeadline(days);
            return new IssueForm.Deadline(days, deadline.date(), deadline.provisional(), null);
        } catch (ProblemException e) {
            return new IssueForm.Deadline(null, null, false, FormErrors.of(e).of("workingDays"));
        } catch (UnsupportedYearException e) {
            return new IssueForm.Deadline(null, null, false, Msg.PERIOD_RUNS_INTO.with(e.text()).in(cn.emall.text.Catalogue.CHINESE));
        }
    }

    private Optional<SupplierView> supplier(long id) {
        return suppliers.findByIdOptional(id).map(SupplierView::from);
    }

    private static Optional<Long> parsedId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long noticeId(String id) {
        return parsedId(id).orElseThrow(() -> ProblemException.notFound(Msg.THE_NOTICE.with(id)));
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
