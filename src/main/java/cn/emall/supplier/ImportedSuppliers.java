package cn.emall.supplier;

import cn.emall.account.AccountService;
import cn.emall.audit.AuditTrail;
import cn.emall.document.DocumentUse;
import cn.emall.document.Documents;
import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.platform.time.BusinessDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * Suppliers admitted before the service went live, as the go-live import ({@code cn.emall.golive})
 * writes them: ACTIVE from their admission date, decided by the importing officer, with their login.
 * The import checks every line before it writes any; this is the supplier capability's write.
 */
@ApplicationScoped
public class ImportedSuppliers {

    /** The decision reason recorded on an imported supplier. */
    static final String DECISION_REASON = "historical import";

    private final SupplierRepository suppliers;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Documents documents;
    private final Outbox outbox;

    public ImportedSuppliers(SupplierRepository suppliers, AccountService accounts, AuditTrail audit,
                             BusinessDates dates, Documents documents, Outbox outbox) {
        this.outbox = outbox;
        this.documents = documents;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.audit = audit;
        this.dates = dates;
    }

    /**
     * Creates the supplier ACTIVE since {@code admittedOn}, binds its login (credit code and password)
     * and records {@code SUPPLIER_IMPORTED}, inside the import's transaction.
     *
     * @param application         the checked application; its credit code as stored (trimmed, upper case)
     * @param checkOverrideReason why a code that fails only its check character is admitted, else {@code null}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SupplierView admit(String officer, SupplierService.Application application, LocalDate admittedOn,
                              String checkOverrideReason) {
        Supplier supplier = new Supplier();
        supplier.name = application.name().trim();
        supplier.creditCode = application.creditCode();
        supplier.legalRepresentative = application.legalRepresentative().trim();
        supplier.contactName = application.contactName().trim();
        supplier.contactPhone = application.contactPhone().trim();
        supplier.email = application.email().trim();
        supplier.region = application.region().trim();
        supplier.status = SupplierStatus.ACTIVE;
        supplier.appliedAt = dates.now();
        supplier.admittedOn = admittedOn;
        supplier.decidedAt = supplier.appliedAt;
        supplier.decidedBy = officer;
        supplier.decisionReason = DECISION_REASON;
        supplier.checkOverrideReason = checkOverrideReason;
        suppliers.persist(supplier);
        suppliers.flush();
        documents.use("materials", application.materials(), DocumentUse.IMPORT, supplier.id, supplier.id)
                .forEach(material -> supplier.materials.add(new Supplier.Material(material)));
        accounts.bindSupplierLogin(supplier.creditCode, application.password(), supplier.id);
        SupplierView view = SupplierView.from(supplier);
        audit.record(officer, "SUPPLIER_IMPORTED", AuditTrail.subject("supplier", supplier.id), null, view);
        outbox.publish(EventType.SUPPLIER_ADMITTED, "supplier", supplier.id, Outbox.data("supplierId", supplier.id,
                "creditCode", supplier.creditCode, "name", supplier.name, "region", supplier.region,
                "admittedOn", supplier.admittedOn, "reason", DECISION_REASON, "imported", true));
        return view;
    }
}
