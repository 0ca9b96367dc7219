package cn.emall.web.console;

import cn.emall.audit.AuditEntryView;
import cn.emall.audit.AuditLog;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.web.Queries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 审计: the audit trail, newest first, searched by subject (supplier/12, or a type: supplier/), actor and
 * business dates. It pages forward without counting: the trail grows by millions of entries a year.
 */
@Path("/console/audit")
@PermitAll
@SignedIn
public class AuditPage {

    /** One entry, its time in Asia/Shanghai. */
    public record Entry(AuditEntryView entry, OffsetDateTime at) {

        public String before() {
            return entry.before() == null ? null : entry.before().toPrettyString();
        }

        public String after() {
            return entry.after() == null ? null : entry.after().toPrettyString();
        }

        /** The subject's own console page, where there is one. */
        public String link() {
            String subject = entry.subject();
            return subject != null && subject.matches("supplier/\\d+") ? "/console/suppliers/" + subject.substring("supplier/".length()) : null;
        }
    }

    public record Trail(String subject, String actor, LocalDate from, LocalDate to, int page, List<Entry> entries, boolean more) {

        public boolean filtered() {
            return !subject.isEmpty() || !actor.isEmpty() || from != null || to != null;
        }

        public String url(int at) {
            return "/console/audit?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                    + "&actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8)
                    + "&from=" + (from == null ? "" : from) + "&to=" + (to == null ? "" : to) + (at > 0 ? "&page=" + at : "");
        }

        /** The page as a reader counts it, from 1. */
        public int number() {
            return page + 1;
        }

        public int newer() {
            return page - 1;
        }

        public int older() {
            return page + 1;
        }
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance audit(Trail trail);

        static native TemplateInstance audit$results(Trail trail);
    }

    private final AuditLog log;
    private final BusinessDates dates;

    public AuditPage(AuditLog log, BusinessDates dates) {
        this.log = log;
        this.dates = dates;
    }

    @GET
    public Response trail(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
                          @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
                          @HeaderParam("HX-Request") String htmx) {
        List<InvalidField> refused = new ArrayList<>();
        PageRequest paging = Queries.paging(refused, page, null);
        LocalDate first = Queries.read(refused, () -> Params.date("from", blankToNull(from)));
        LocalDate last = Queries.read(refused, () -> Params.date("to", blankToNull(to)));
        Queries.refuse(refused);
        AuditLog.Filter filter = new AuditLog.Filter(subject, actor, first == null ? null : dates.startOf(first),
                last == null ? null : dates.startOf(last.plusDays(1)));
        List<Entry> entries = log.entries(filter, paging.size() + 1, paging.offset()).stream()
                .map(e -> new Entry(e, dates.local(e.at().toInstant()))).toList();
        Trail trail = new Trail(subject == null ? "" : subject.trim(), actor == null ? "" : actor.trim(), first, last,
                paging.page(), entries.subList(0, Math.min(paging.size(), entries.size())), entries.size() > paging.size());
        return ConsolePages.page("true".equals(htmx) ? Templates.audit$results(trail) : Templates.audit(trail));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
