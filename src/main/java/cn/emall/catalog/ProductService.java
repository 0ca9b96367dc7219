package cn.emall.catalog;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.audit.AuditTrail;
import cn.emall.catalog.model.ParameterTemplate;
import cn.emall.catalog.model.Violation;
import cn.emall.platform.error.FieldError;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.supplier.Supplier;
import cn.emall.supplier.SupplierRepository;
import cn.emall.supplier.SupplierStatus;
import cn.emall.text.Localizable;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Listings and their state moves (SPEC "Product listings"). */
@ApplicationScoped
public class ProductService {

    private final ProductRepository products;
    private final CategoryService categories;
    private final SupplierRepository suppliers;
    private final Templates templates;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Event<ListingResolved> resolved;
    private final Event<ListingTakenDown> takenDown;
    private final ListingChanges listingChanges;

    private final Outbox outbox;

    public ProductService(ProductRepository products, CategoryService categories, SupplierRepository suppliers,
                          Templates templates, AuditTrail audit, BusinessDates dates, Event<ListingResolved> resolved,
                          Event<ListingTakenDown> takenDown, ListingChanges listingChanges, Outbox outbox) {
        this.outbox = outbox;
        this.listingChanges = listingChanges;
        this.products = products;
        this.categories = categories;
        this.suppliers = suppliers;
        this.templates = templates;
        this.audit = audit;
        this.dates = dates;
        this.resolved = resolved;
        this.takenDown = takenDown;
    }

    public record Listing(String categoryCode, String brand, String model, String name, BigDecimal price,
                          Map<String, Object> parameters) {
    }

    public ProductView view(Product p) {
        return new ProductView(p.id, p.supplierId, p.categoryCode, p.brand, p.model, p.name, p.price,
                templates.values(p.parametersJson), p.status, p.listedOn, p.takenDownOn, p.takedownReason);
    }

    @Transactional
    public Product create(String actor, long supplierId, Listing listing) {
        requireActive(supplierId);
        Category category = categoryFor(listing.categoryCode());
        Map<String, Object> parameters = validParameters(category, listing.parameters());
        refuseDuplicateModel(supplierId, listing.brand(), listing.model(), null);
        Product product = new Product();
        product.supplierId = supplierId;
        product.categoryCode = category.code;
        apply(product, listing, parameters);
        product.status = ProductStatus.LISTED;
        product.listedOn = dates.today();
        product.createdAt = dates.now();
        product.updatedAt = product.createdAt;
        products.persist(product);
        products.flush();
        audit.record(actor, "PRODUCT_LISTED", AuditTrail.subject("product", product.id), null, view(product));
        outbox.publish(EventType.LISTING_LISTED, "product", product.id, view(product));
        return product;
    }

    /** Corrects a listing; a taken-down listing stays taken down until relisted. */
    @Transactional
    public Product correct(String actor, Product product, Listing listing) {
        requireState(product, ProductStatus.LISTED, ProductStatus.TAKEN_DOWN);
        if (listing.categoryCode() != null && !listing.categoryCode().equals(product.categoryCode)) {
            throw ProblemException.invalid("categoryCode", Msg.CATEGORY_UNCHANGEABLE.with());
        }
        Map<String, Object> parameters = validParameters(categories.get(product.categoryCode), listing.parameters());
        refuseDuplicateModel(product.supplierId, listing.brand(), listing.model(), product.id);
        ProductView before = view(product);
        apply(product, listing, parameters);
        product.updatedAt = dates.now();
        audit.record(actor, "PRODUCT_CORRECTED", AuditTrail.subject("product", product.id), before, view(product));
        return product;
    }

    /** Answers a takedown: checked again against the current template, listed from today. */
    @Transactional
    public Product relist(String actor, Product product) {
        requireState(product, ProductStatus.TAKEN_DOWN);
        requireActive(product.supplierId);
        Category category = categories.get(product.categoryCode);
        List<Violation> violations = templates.templateOf(category).check(templates.values(product.parametersJson));
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "listing-nonconforming", Msg.LISTING_NONCONFORMING_TITLE,
                    Msg.LISTING_NONCONFORMING_DETAIL.with(product.id), Templates.asInvalidFields(violations));
        }
        ProductView before = view(product);
        product.status = ProductStatus.LISTED;
        product.listedOn = dates.today();
        product.takenDownOn = null;
        product.takedownReason = null;
        product.updatedAt = dates.now();
        audit.record(actor, "PRODUCT_RELISTED", AuditTrail.subject("product", product.id), before, view(product));
        outbox.publish(EventType.LISTING_RELISTED, "product", product.id, view(product));
        resolved.fire(new ListingResolved(product.id, product.supplierId, product.status));
        return product;
    }

    @Transactional
    public Product withdraw(String actor, Product product) {
        requireState(product, ProductStatus.LISTED, ProductStatus.TAKEN_DOWN);
        ProductView before = view(product);
        product.status = ProductStatus.WITHDRAWN;
        product.updatedAt = dates.now();
        audit.record(actor, "PRODUCT_WITHDRAWN", AuditTrail.subject("product", product.id), before, view(product));
        outbox.publish(EventType.LISTING_WITHDRAWN, "product", product.id, view(product));
        resolved.fire(new ListingResolved(product.id, product.supplierId, product.status));
        return product;
    }

    /**
     * An officer takes a listing down with a reason, as the nightly run does ({@link ListingChanges});
     * the supplier gets a rectification notice.
     */
    @Transactional
    public Product takeDown(String actor, Product product, String reason) {
        requireState(product, ProductStatus.LISTED);
        String why = reason.trim();
        if (listingChanges.takeDown(actor, List.of(product.id), dates.today(), why).isEmpty()) {
            throw ProblemException.conflict("wrong-state", Msg.WRONG_LISTING_STATE_TITLE,
                    Msg.LISTING_NO_LONGER_LISTED.with(product.id));
        }
        products.getEntityManager().refresh(product);
        takenDown.fire(new ListingTakenDown(product.id, product.supplierId, why, actor));
        return product;
    }

    /** A live listing of a category that no longer satisfies its current template, with what is wrong. */
    @Schema(name = "NonConformingListing", description = "A live listing that does not satisfy its category's current "
            + "template, and what is wrong")
    public record NonConforming(ProductView listing, List<FieldError> violations) {
    }

    /** A {@link NonConforming} listing before its violations are worded in the reader's language. */
    public record Unfit(ProductView listing, List<InvalidField> violations) implements Localizable {

        @Override
        public NonConforming in(Locale locale) {
            return new NonConforming(listing, violations.stream().map(violation -> violation.in(locale)).toList());
        }
    }

    /** A page of the category's live listings that no longer satisfy its current template. */
    @Transactional
    public List<Unfit> nonConforming(String categoryCode, int limit) {
        Category category = categories.get(categoryCode);
        ParameterTemplate template = templates.templateOf(category);
        List<Unfit> result = new ArrayList<>();
        try (var stream = products.find("categoryCode = ?1 and status in ?2 order by id", categoryCode,
                List.of(ProductStatus.LISTED, ProductStatus.TAKEN_DOWN)).stream()) {
            stream.forEach(p -> {
                if (result.size() < limit) {
                    List<Violation> violations = template.check(templates.values(p.parametersJson));
                    if (!violations.isEmpty()) {
                        result.add(new Unfit(view(p), Templates.asInvalidFields(violations)));
                    }
                }
            });
        }
        return result;
    }

    private void apply(Product product, Listing listing, Map<String, Object> parameters) {
        product.brand = listing.brand().trim();
        product.model = listing.model().trim();
        product.name = listing.name().trim();
        product.price = listing.price();
        product.parametersJson = templates.write(parameters);
    }

    private Category categoryFor(String code) {
        return categories.findOptional(code)
                .orElseThrow(() -> ProblemException.invalid("categoryCode", Msg.UNKNOWN_CATEGORY.with()));
    }

    private Map<String, Object> validParameters(Category category, Map<String, Object> values) {
        ParameterTemplate template = templates.templateOf(category);
        List<Violation> violations = template.check(values);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Templates.asInvalidFields(violations));
        }
        return template.normalize(values);
    }

    private void refuseDuplicateModel(long supplierId, String brand, String model, Long exceptId) {
        if (products.liveModelExists(supplierId, brand.trim(), model.trim(), exceptId)) {
            throw ProblemException.conflict("duplicate-listing", Msg.DUPLICATE_LISTING_TITLE,
                    Msg.DUPLICATE_LISTING_DETAIL.with(brand.trim(), model.trim()));
        }
    }

    private void requireActive(long supplierId) {
        Supplier supplier = suppliers.findById(supplierId);
        if (supplier == null || supplier.status != SupplierStatus.ACTIVE) {
            throw ProblemException.conflict("supplier-not-active", Msg.SUPPLIER_NOT_ACTIVE_TITLE,
                    Msg.LISTING_SUPPLIER_NOT_ACTIVE.with(supplier == null ? Msg.UNKNOWN.with() : supplier.status));
        }
    }

    private static void requireState(Product product, ProductStatus... allowed) {
        for (ProductStatus status : allowed) {
            if (product.status == status) {
                return;
            }
        }
        throw ProblemException.conflict("wrong-state", Msg.WRONG_LISTING_STATE_TITLE,
                Msg.LISTING_WRONG_STATE.with(product.id, product.status, java.util.Arrays.toString(allowed)));
    }
}
