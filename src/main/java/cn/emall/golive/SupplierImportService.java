package cn.emall.golive;

import cn.emall.catalog.ImportedListings;
import cn.emall.catalog.ProductService;
import cn.emall.catalog.ProductView;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.imports.LineErrors;
import cn.emall.platform.imports.LineProblem;
import cn.emall.platform.imports.LineSource;
import cn.emall.platform.imports.Parsed;
import cn.emall.supplier.ImportedSuppliers;
import cn.emall.document.MaterialRequest;
import cn.emall.supplier.SupplierService;
import cn.emall.supplier.SupplierView;
import cn.emall.text.Msg;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The historical import of suppliers (going live with the suppliers admitted before the service),
 * all or nothing: each supplier is checked by {@link SupplierImportRules} and created ACTIVE with its
 * admission date, its login (credit code and password) and its listings, LISTED since their listing
 * dates. When any line is refused, the transaction rolls back and the answer lists the refused lines.
 * It needs both the supplier capability and the catalogue, so it sits above both and writes through
 * their operations ({@link ImportedSuppliers}, {@link ImportedListings}).
 */
@ApplicationScoped
public class SupplierImportService {

    /** Seconds one import may take: each supplier's password is hashed on purpose slowly (bcrypt). */
    static final int TIMEOUT_SECONDS = 1800;

    /** Suppliers written between two clearings of the persistence context, which keeps memory flat. */
    private static final int CLEAR_EVERY = 100;

    private final SupplierImportRules rules;
    private final ImportedSuppliers suppliers;
    private final ImportedListings listings;
    private final EntityManager persistence;

    public SupplierImportService(SupplierImportRules rules, ImportedSuppliers suppliers, ImportedListings listings,
                                 EntityManager persistence) {
        this.rules = rules;
        this.suppliers = suppliers;
        this.listings = listings;
        this.persistence = persistence;
    }

    /** A listing created by the import. */
    @Schema(description = "A listing created by a supplier import")
    public record ImportedProduct(String brand, String model, long productId) {
    }

    /** A supplier created by the import, with its listings in the order of the file. */
    @Schema(description = "A supplier created by a supplier import, with its listings")
    public record ImportedSupplier(String creditCode, long supplierId, List<ImportedProduct> products) {
    }

    /** The suppliers created, in the order of the file. */
    @Schema(description = "A supplier import, all created: each supplier with its id and listings")
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
        ImportRun run = new ImportRun(officer, source);
        run.readAll();
        return run.result();
    }

    /** One import in progress. Once a line is refused, the rest are only checked. */
    private final class ImportRun {
        private final String officer;
        private final LineSource<SupplierImportRequest> source;
        private final SupplierImportRules.FileState file = new SupplierImportRules.FileState();
        private final LineErrors errors = new LineErrors();
        private final List<ImportedSupplier> imported = new ArrayList<>();
        private int lines;

        ImportRun(String officer, LineSource<SupplierImportRequest> source) {
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
                throw ProblemException.invalid("body", Msg.IMPORT_NO_SUPPLIERS.with());
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
                throw new ProblemException(400, "malformed-request", Msg.MALFORMED_TITLE, Msg.IMPORT_BODY_CUT_SHORT.with(lines));
            }
        }

        private void take(int line, SupplierImportRequest request) {
            SupplierImportRules.Checked checked = rules.check(request, line, file);
            for (InvalidField error : checked.errors()) {
                errors.add(new LineProblem(line, source.nameOf(error.field()), error.message()));
            }
            if (errors.isEmpty()) {
                ImportedSupplier written;
                try {
                    written = write(request, checked);
                } catch (ProblemException refused) {
                    if (refused.errors().isEmpty()) {
                        throw refused;
                    }
                    // The documents a line names are checked as it is written (SupplierImportRules checks the rest).
                    refused.errors().forEach(error -> errors.add(new LineProblem(line, source.nameOf(error.field()), error.message())));
                    return;
                }
                imported.add(written);
                if (imported.size() % CLEAR_EVERY == 0) {
                    persistence.flush();
                    persistence.clear();
                }
            }
        }

        private ImportedSupplier write(SupplierImportRequest request, SupplierImportRules.Checked checked) {
            SupplierView supplier = suppliers.admit(officer, application(request, checked), request.admittedOn(),
                    checked.checkOverrideReason());
            List<ImportedProduct> created = new ArrayList<>();
            for (SupplierImportRules.CheckedListing listing : checked.listings()) {
                SupplierImportRequest.ProductImport product = listing.request();
                ProductView view = listings.list(officer, supplier.id(), new ProductService.Listing(product.categoryCode(),
                        product.brand(), product.model(), product.name(), product.price(), listing.parameters()),
                        product.listedOn());
                created.add(new ImportedProduct(view.brand(), view.model(), view.id()));
            }
            return new ImportedSupplier(supplier.creditCode(), supplier.id(), List.copyOf(created));
        }

        private static SupplierService.Application application(SupplierImportRequest request,
                                                               SupplierImportRules.Checked checked) {
            return new SupplierService.Application(request.name(), checked.creditCode(), request.legalRepresentative(),
                    request.contactName(), request.contactPhone(), request.email(), request.region(), request.password(),
                    request.materials().stream().map(MaterialRequest::named).toList());
        }
    }
}
