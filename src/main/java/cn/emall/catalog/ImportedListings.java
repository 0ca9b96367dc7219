package cn.emall.catalog;

import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.audit.AuditTrail;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * Listings on sale before the service went live, as the go-live import ({@code cn.emall.golive})
 * writes them: LISTED since their listing date. The import checks every line (the category's template
 * included) before it writes any; this is the catalogue's write.
 */
@ApplicationScoped
public class ImportedListings {

    private final ProductRepository products;
    private final ProductService listings;
    private final Templates templates;
    private final AuditTrail audit;
    private final BusinessDates dates;

    private final Outbox outbox;

    public ImportedListings(ProductRepository products, ProductService listings, Templates templates, AuditTrail audit,
                            BusinessDates dates, Outbox outbox) {
        this.outbox = outbox;
        this.products = products;
        this.listings = listings;
        this.templates = templates;
        this.audit = audit;
        this.dates = dates;
    }

    /**
     * Creates the listing LISTED since {@code listedOn} and records {@code PRODUCT_IMPORTED}, inside the
     * import's transaction.
     *
     * @param listing the checked listing, its parameters as the category's template normalises them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProductView list(String officer, long supplierId, ProductService.Listing listing, LocalDate listedOn) {
        Product product = new Product();
        product.supplierId = supplierId;
        product.categoryCode = listing.categoryCode();
        product.brand = listing.brand().trim();
        product.model = listing.model().trim();
        product.name = listing.name().trim();
        product.price = listing.price();
        product.parametersJson = templates.write(listing.parameters());
        product.status = ProductStatus.LISTED;
        product.listedOn = listedOn;
        product.createdAt = dates.now();
        product.updatedAt = product.createdAt;
        products.persist(product);
        ProductView view = listings.view(product);
        audit.record(officer, "PRODUCT_IMPORTED", AuditTrail.subject("product", product.id), null, view);
        outbox.publish(EventType.LISTING_LISTED, "product", product.id, view);
        return view;
    }
}
