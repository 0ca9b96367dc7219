package cn.emall.web.console;

import cn.emall.audit.AuditLog;
import cn.emall.audit.AuditTrail;
import cn.emall.catalog.Product;
import cn.emall.catalog.ProductRepository;
import cn.emall.catalog.ProductStatus;
import cn.emall.credit.CreditRecords;
import cn.emall.enforcement.NoticeService;
import cn.emall.enforcement.NoticeView;
import cn.emall.ledger.SalesHistory;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.platform.web.PageRequest;
import cn.emall.platform.web.Params;
import cn.emall.supplier.Supplier;
import cn.emall.supplier.SupplierRepository;
import cn.emall.supplier.SupplierStatus;
import cn.emall.supplier.SupplierView;
import cn.emall.text.Msg;
import cn.emall.web.Labels;
import cn.emall.web.Pager;
import cn.emall.web.Paging;
import cn.emall.web.Queries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 供应商: the search (name, credit code, status, region) and a supplier's page: its profile, status and
 * suspension, listings by status, notices and appeals, credit, net sales per month over three years
 * and its audit trail. Every part is read from its capability, a page of it at a time.
 */
@Path("/console/suppliers")
@PermitAll
@SignedIn
public class SupplierPages {

    /** How many months the sales chart covers: the last three years, this month included. */
    static final int CHART_MONTHS = 36;
    /** Rows per part of a supplier's page (listings, notices, audit entries). */
    static final int PART_SIZE = 10;

    public record Row(SupplierView supplier) {

        public String statusLabel() {
            return Labels.of("SUPPLIER_STATUS", supplier.status().name());
        }
    }

    public record Search(String query, SupplierStatus status, String region, Paging paging, List<Row> rows) {

        public List<Labels.Choice> statuses() {
            return Arrays.stream(SupplierStatus.values())
                    .map(s -> new Labels.Choice(s.name(), Labels.of("SUPPLIER_STATUS", s.name()), s == status)).toList();
        }

        public boolean filtered() {
            return !query.isEmpty() || status != null || !region.isEmpty();
        }

        public String url(long page) {
            return "/console/suppliers?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&status=" + (status == null ? "" : status.name())
                    + "&region=" + URLEncoder.encode(region, StandardCharsets.UTF_8) + (page > 0 ? "&page=" + page : "");
        }
    }

    /** A listing as the supplier's page lists it. */
    public record Listing(long id, String brand, String model, String name, BigDecimal price, ProductStatus status,
                          LocalDate listedOn, LocalDate takenDownOn) {

        static Listing of(Product p) {
            return new Listing(p.id, p.brand, p.model, p.name, p.price, p.status, p.listedOn, p.takenDownOn);
        }

        public String statusLabel() {
            return Labels.of("PRODUCT_STATUS", status.name());
        }
    }

    /** How many listings the supplier has in one status, and whether the page shows those. */
    public record ListingCount(ProductStatus status, String label, long count, boolean shown) {
    }

    public record NoticeRow(NoticeView notice) {

        public String kindLabel() {
            return ConsoleLabels.kindLabel(notice);
        }

        /** As the notices' list names it: an open delisting notice is 公示中, any other open notice 待处理. */
        public String statusLabel() {
            return ConsoleLabels.statusLabel(notice);
        }

        public String appealLabel() {
            return Labels.of("APPEAL_STATUS", notice.appealStatus());
        }
    }

    public record AuditRow(java.time.OffsetDateTime at, String actor, String action) {
    }

    /** A supplier's page. */
    public record Profile(SupplierView supplier, LocalDate today,
                          List<ListingCount> listingCounts, ProductStatus listingStatus, List<Listing> listings, Paging listingPaging,
                          List<NoticeRow> notices, Paging noticePaging,
                          CreditRecords.Credit credit, SalesChart sales, YearMonth salesFrom, YearMonth salesTo,
                          List<AuditRow> audit, int auditPage, boolean moreAudit) {

        public String statusLabel() {
            return Labels.of("SUPPLIER_STATUS", supplier.status().name());
        }

        public boolean suspended() {
            return supplier.suspendedUntil() != null && !supplier.suspendedUntil().isBefore(today);
        }

        public Pager listingsPager() {
            return new Pager(listingPaging, page -> url("listings", page) + "#listings");
        }

        public Pager noticesPager() {
            return new Pager(noticePaging, page -> url("notices", page) + "#notices");
        }

        /** This page with one part moved to another page (the others stay where they are). */
        public String url(String part, long page) {
            long listingsPage = part.equals("listings") ? page : listingPaging.page();
            long noticesPage = part.equals("notices") ? page : noticePaging.page();
            long auditAt = part.equals("audit") ? page : auditPage;
            return "/console/suppliers/" + supplier.id() + "?listings=" + listingStatus.name()
                    + (listingsPage > 0 ? "&listingsPage=" + listingsPage : "")
                    + (noticesPage > 0 ? "&noticesPage=" + noticesPage : "")
                    + (auditAt > 0 ? "&auditPage=" + auditAt : "");
        }

        public long newerAuditPage() {
            return auditPage - 1;
        }

        public long olderAuditPage() {
            return auditPage + 1;
        }

        public String listingsUrl(ProductStatus status) {
            return "/console/suppliers/" + supplier.id() + "?listings=" + status.name() + "#listings";
        }
    }

    @CheckedTemplate(basePath = "console/suppliers")
    static class Templates {
        static native TemplateInstance list(Search search);

        static native TemplateInstance list$results(Search search);

        static native TemplateInstance supplier(Profile profile);
    }

    private final SupplierRepository suppliers;
    private final ProductRepository products;
    private final NoticeService notices;
    private final CreditRecords credit;
    private final SalesHistory sales;
    private final AuditLog audit;
    private final BusinessDates dates;

    public SupplierPages(SupplierRepository suppliers, ProductRepository products, NoticeService notices, CreditRecords credit,
                         SalesHistory sales, AuditLog audit, BusinessDates dates) {
        this.suppliers = suppliers;
        this.products = products;
        this.notices = notices;
        this.credit = credit;
        this.sales = sales;
        this.audit = audit;
        this.dates = dates;
    }

    @GET
    @Transactional
    public Response list(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("region") String region,
                         @QueryParam("page") String page, @HeaderParam("HX-Request") String htmx) {
        List<InvalidField> refused = new ArrayList<>();
        PageRequest paging = Queries.paging(refused, page, null);
        SupplierStatus wanted = Queries.read(refused, () -> Params.enumValue("status", blankToNull(status), SupplierStatus.class));
        Queries.refuse(refused);
        var filter = new SupplierRepository.Search(wanted, q, region);
        List<Row> rows = suppliers.search(filter, paging.page(), paging.size()).stream().map(s -> new Row(SupplierView.from(s))).toList();
        Search search = new Search(q == null ? "" : q.trim(), wanted, region == null ? "" : region.trim(),
                Paging.of(paging, suppliers.count(filter)), rows);
        return ConsolePages.page("true".equals(htmx) ? Templates.list$results(search) : Templates.list(search));
    }

    @GET
    @Path("{id}")
    @Transactional
    public Response supplier(@PathParam("id") String id, @QueryParam("listings") String listings,
                             @QueryParam("listingsPage") String listingsPage, @QueryParam("noticesPage") String noticesPage,
                             @QueryParam("auditPage") String auditPage) {
        Supplier supplier = parseId(id).flatMap(suppliers::findByIdOptional)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_SUPPLIER.with(id)));
        List<InvalidField> refused = new ArrayList<>();
        ProductStatus listingStatus = Queries.read(refused,
                () -> Params.enumValue("listings", blankToNull(listings), ProductStatus.class));
        PageRequest listingPaging = pageOf(refused, "listingsPage", listingsPage);
        PageRequest noticePaging = pageOf(refused, "noticesPage", noticesPage);
        PageRequest auditPaging = pageOf(refused, "auditPage", auditPage);
        Queries.refuse(refused);
        ProductStatus shown = listingStatus == null ? ProductStatus.LISTED : listingStatus;

        long supplierId = supplier.id;
        List<ListingCount> counts = Arrays.stream(ProductStatus.values()).map(status -> new ListingCount(status,
                Labels.of("PRODUCT_STATUS", status.name()),
                products.count(new ProductRepository.Search(supplierId, status, null, null)), status == shown)).toList();
        long shownTotal = counts.stream().filter(ListingCount::shown).mapToLong(ListingCount::count).sum();
        List<Listing> listed = products.page(new ProductRepository.Search(supplierId, shown, null, null),
                listingPaging.page(), listingPaging.size()).stream().map(Listing::of).toList();

        List<NoticeRow> noticeRows = notices.list(supplierId, null, null, null, noticePaging.size(), noticePaging.offset()).stream()
                .map(NoticeRow::new).toList();
        long noticeTotal = notices.count(supplierId, null, null, null);

        YearMonth to = YearMonth.from(dates.today());
        YearMonth from = to.minusMonths(CHART_MONTHS - 1);
        SalesChart chart = SalesChart.of(sales.monthly(supplierId, from, to));

        AuditLog.Filter trail = AuditLog.Filter.ofSubject(AuditTrail.subject("supplier", supplierId));
        List<AuditRow> entries = audit.entries(trail, PART_SIZE + 1, auditPaging.offset()).stream()
                .map(e -> new AuditRow(dates.local(e.at().toInstant()), e.actor(), e.action())).toList();

        Profile profile = new Profile(SupplierView.from(supplier), dates.today(), counts, shown, listed,
                Paging.of(listingPaging, shownTotal), noticeRows, Paging.of(noticePaging, noticeTotal),
                credit.of(supplierId), chart, from, to,
                entries.subList(0, Math.min(PART_SIZE, entries.size())), auditPaging.page(), entries.size() > PART_SIZE);
        return ConsolePages.page(Templates.supplier(profile));
    }

    private static PageRequest pageOf(List<InvalidField> refused, String name, String value) {
        Integer number = Queries.read(refused, () -> Params.wholeNumber(name, value));
        return Queries.read(refused, () -> PageRequest.of(number, PART_SIZE));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static java.util.Optional<Long> parseId(String value) {
        try {
            return java.util.Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
