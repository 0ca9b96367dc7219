package cn.emall.supplier;

import cn.emall.account.AccountService;
import cn.emall.audit.AuditTrail;
import cn.emall.catalog.Product;
import cn.emall.catalog.ProductRepository;
import cn.emall.catalog.ProductService;
import cn.emall.catalog.ProductStatus;
import cn.emall.platform.error.FieldError;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.imports.LineError;
import cn.emall.platform.imports.LineErrors;
import cn.emall.platform.imports.LineSource;
import cn.emall.platform.imports.Parsed;
import cn.emall.platform.time.BusinessDates;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The historical import of suppliers (going live with the suppliers admitted before the service),
 * all or nothing: each supplier is checked by {@link SupplierImportRules} and created ACTIVE with its
 * admission date, its login (credit code and password) and its listings, LISTED since their listing
 * dates. When any line is refused, the transaction rolls back and the answer lists the refused lines.
 */
@ApplicationScoped
public class SupplierImportService {

    /** The decision reason recorded on an imported supplier. */
    static final String DECISION_REASON = "historical import";

    /** Seconds one import may take: each supplier's password is hashed on purpose slowly (bcrypt). */
    static final int TIMEOUT_SECONDS = 1800;

    /** Suppliers written between two clearings of the persistence context, which keeps memory flat. */
    private static final int CLEAR_EVERY = 100;

    private final SupplierImportRules rules;
    private final SupplierRepository suppliers;
    private final AccountService accounts;
    private final ProductRepository products;
    private final ProductService listings;
    private final AuditTrail audit;
    private final BusinessDates dates;

    public SupplierImportService(SupplierImportRules rules, SupplierRepository suppliers, AccountService accounts,
                                 ProductRepository products, ProductService listings, AuditTrail audit,
                                 BusinessDates dates) {
        this.rules = rules;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.products = products;
        this.listings = listings;
        this.audit = audit;
        this.dates = dates;
    }

    /** A listing created by the import. */
    public record ImportedProduct(String brand, String model, long productId) {
    }

    /** A supplier created by the import, with its listings in the order of the file. */
    public record ImportedSupplier(String creditCode, long supplierId, List<ImportedProduct> products) {
    }

    /** The suppliers created, in the order of the file. */
    public record SupplierImportResult(List<ImportedSupplier> suppliers) {
    }

    /**
     * Creates every supplier of the source, or none.
     *
     * @param officer who imports, recorded as the deciding officer and in the audit trail
     * @throws ProblemException 400 {@code import-rejected} listing the refused lines when any line is refused
     */
    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public SupplierImportResult importSuppliers(String officer, LineSource<SupplierImportRequest> source) {
        Run run = new Run(officer, source);
        run.readAll();
        return run.result();
    }

    /** One import in progress. Once a line is refused, the rest are only checked. */
    private final class Run {
        private final String officer;
        private final LineSource<SupplierImportRequest> source;
        private final SupplierImportRules.FileState file = new SupplierImportRules.FileState();
        private final LineErrors errors = new LineErrors();
        private final List<ImportedSupplier> imported = new ArrayList<>();
        private int lines;

        Run(String officer, LineSource<SupplierImportRequest> source) {
            this.officer = officer;
            this.source = source;
        }

        void readAll() {
            for (Parsed<SupplierImportRequest> line = next(); line != null; line = next()) {
                lines++;
                if (line.isRefused()) {
                    errors.addAll(line.errors());
                } else {
                    take(line.line(), line.value());
                }
            }
        }

        SupplierImportResult result() {
            if (lines == 0) {
                throw ProblemException.invalid("body", "holds no suppliers to import");
            }
            if (!errors.isEmpty()) {
                throw errors.rejection(lines);
            }
            return new SupplierImportResult(List.copyOf(imported));
        }

        private Parsed<SupplierImportRequest> next() {
            try {
                return source.next();
            } catch (IOException e) {
                throw new ProblemException(400, "malformed-request", "Malformed request",
                        "The request body could not be read to its end after line " + lines + ".");
            }
        }

        private void take(int line, SupplierImportRequest request) {
            SupplierImportRules.Checked checked = rules.check(request, line, file);
            for (FieldError error : checked.errors()) {
                errors.add(new LineError(line, source.nameOf(error.field()), error.message()));
            }
            if (errors.isEmpty()) {
                imported.add(write(request, checked));
                if (imported.size() % CLEAR_EVERY == 0) {
                    suppliers.flush();
                    suppliers.getEntityManager().clear();
                }
            }
        }

        private ImportedSupplier write(SupplierImportRequest request, SupplierImportRules.Checked checked) {
            Supplier supplier = supplier(request, checked);
            suppliers.persist(supplier);
            suppliers.flush();
            accounts.bindSupplierLogin(supplier.creditCode, request.password(), supplier.id);
            audit.record(officer, "SUPPLIER_IMPORTED", AuditTrail.subject("supplier", supplier.id), null,
                    SupplierView.from(supplier));
            List<ImportedProduct> created = new ArrayList<>();
            for (SupplierImportRules.CheckedListing listing : checked.listings()) {
                Product product = product(supplier.id, listing);
                products.persist(product);
                audit.record(officer, "PRODUCT_IMPORTED", AuditTrail.subject("product", product.id), null,
                        listings.view(product));
                created.add(new ImportedProduct(product.brand, product.model, product.id));
            }
            return new ImportedSupplier(supplier.creditCode, supplier.id, List.copyOf(created));
        }

        private Supplier supplier(SupplierImportRequest request, SupplierImportRules.Checked checked) {
            Supplier supplier = new Supplier();
            supplier.name = request.name().trim();
            supplier.creditCode = checked.creditCode();
            supplier.legalRepresentative = request.legalRepresentative().trim();
            supplier.contactName = request.contactName().trim();
            supplier.contactPhone = request.contactPhone().trim();
            supplier.email = request.email().trim();
            supplier.region = request.region().trim();
            supplier.status = SupplierStatus.ACTIVE;
            supplier.appliedAt = dates.now();
            supplier.admittedOn = request.admittedOn();
            supplier.decidedAt = supplier.appliedAt;
            supplier.decidedBy = officer;
            supplier.decisionReason = DECISION_REASON;
            supplier.checkOverrideReason = checked.checkOverrideReason();
            request.materials().forEach(m ->
                    supplier.materials.add(new Supplier.Material(m.kind().trim(), m.documentRef().trim())));
            return supplier;
        }

        private Product product(long supplierId, SupplierImportRules.CheckedListing listing) {
            SupplierImportRequest.ProductImport request = listing.request();
            Product product = new Product();
            product.supplierId = supplierId;
            product.categoryCode = request.categoryCode();
            product.brand = request.brand().trim();
            product.model = request.model().trim();
            product.name = request.name().trim();
            product.price = request.price();
            product.parametersJson = listing.parametersJson();
            product.status = ProductStatus.LISTED;
            product.listedOn = request.listedOn();
            product.createdAt = dates.now();
            product.updatedAt = product.createdAt;
            return product;
        }
    }
}
