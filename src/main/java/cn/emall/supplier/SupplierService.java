package cn.emall.supplier;

import cn.emall.account.AccountService;
import cn.emall.audit.AuditTrail;
import cn.emall.document.DocumentUse;
import cn.emall.document.Documents;
import cn.emall.document.Material;
import cn.emall.events.EventType;
import cn.emall.events.Outbox;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.platform.time.BusinessDates;
import cn.emall.supplier.model.CreditCode;
import cn.emall.supplier.model.Suspension;
import cn.emall.text.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Applications to the e-mall and officers' decisions on them (SPEC "Suppliers"). */
@ApplicationScoped
public class SupplierService {

    private final SupplierRepository suppliers;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final BusinessDates dates;
    private final Documents documents;
    private final Outbox outbox;

    public SupplierService(SupplierRepository suppliers, AccountService accounts, AuditTrail audit, BusinessDates dates,
                           Documents documents, Outbox outbox) {
        this.outbox = outbox;
        this.suppliers = suppliers;
        this.accounts = accounts;
        this.audit = audit;
        this.dates = dates;
        this.documents = documents;
    }

    public record Application(String name, String creditCode, String legalRepresentative, String contactName,
                              String contactPhone, String email, String region, String password,
                              List<Material> materials) {
    }

    /** Upper-cases and trims a credit code, then refuses it with the rule it breaks, bar the check character. */
    public static String acceptableCreditCode(String raw) {
        String code = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        CreditCode.Result result = CreditCode.check(code);
        if (!result.isValid() && result.problem() != CreditCode.Problem.CHECK_CHARACTER) {
            throw new ProblemException(400, "credit-code-" + result.problem().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    Msg.CREDIT_CODE_TITLE, Msg.CREDIT_CODE_DETAIL.with(result.message()),
                    List.of(new InvalidField("creditCode", result.message())));
        }
        return code;
    }

    @Transactional
    public Supplier apply(Application application) {
        String code = acceptableCreditCode(application.creditCode());
        refuseIfLiveOrSuspended(code);
        Supplier supplier = new Supplier();
        supplier.name = application.name().trim();
        supplier.creditCode = code;
        supplier.legalRepresentative = application.legalRepresentative().trim();
        supplier.contactName = application.contactName().trim();
        supplier.contactPhone = application.contactPhone().trim();
        supplier.email = application.email().trim();
        supplier.region = application.region().trim();
        supplier.status = SupplierStatus.PENDING;
        supplier.appliedAt = dates.now();
        suppliers.persist(supplier);
        suppliers.flush();
        documents.use("materials", application.materials(), DocumentUse.APPLICATION, supplier.id, supplier.id)
                .forEach(material -> supplier.materials.add(new Supplier.Material(material)));
        accounts.bindSupplierLogin(code, application.password(), supplier.id);
        audit.record(code, "SUPPLIER_APPLIED", AuditTrail.subject("supplier", supplier.id), null, SupplierView.from(supplier));
        outbox.publish(EventType.SUPPLIER_APPLIED, "supplier", supplier.id, Outbox.data("supplierId", supplier.id,
                "creditCode", supplier.creditCode, "name", supplier.name, "region", supplier.region,
                "appliedAt", dates.local(supplier.appliedAt)));
        return supplier;
    }

    private void refuseIfLiveOrSuspended(String code) {
        suppliers.findLive(code).ifPresent(live -> {
            throw ProblemException.conflict("duplicate-application", Msg.DUPLICATE_APPLICATION_TITLE,
                    (live.status == SupplierStatus.PENDING ? Msg.DUPLICATE_APPLICATION_PENDING : Msg.DUPLICATE_APPLICATION_ACTIVE)
                            .with(code));
        });
        LocalDate today = dates.today();
        suppliers.findLatestTermination(code)
                .filter(t -> !today.isAfter(t.suspendedUntil))
                .ifPresent(t -> {
                    throw ProblemException.conflict("suspended", Msg.SUSPENDED_TITLE, Msg.SUSPENDED_DETAIL.with(code,
                                    t.terminatedOn, t.suspendedUntil, Suspension.mayApplyFrom(t.suspendedUntil)))
                            .with("suspendedUntil", t.suspendedUntil.toString())
                            .with("mayApplyFrom", Suspension.mayApplyFrom(t.suspendedUntil).toString());
                });
    }

    @Schema(name = "SupplierDecision", description = "APPROVE admits the supplier from today; REJECT refuses the application")
    public enum Decision { APPROVE, REJECT }

    /**
     * An officer's decision on a pending application. Approval makes today the admission date. A
     * code that fails only its check character (early pilot codes) is admitted only with a reason,
     * which is recorded.
     */
    @Transactional
    public Supplier decide(String officer, long supplierId, Decision decision, String reason) {
        Supplier supplier = suppliers.findByIdOptional(supplierId)
                .orElseThrow(() -> ProblemException.notFound(Msg.THE_SUPPLIER.with(supplierId)));
        if (supplier.status != SupplierStatus.PENDING) {
            throw ProblemException.conflict("wrong-state", Msg.APPLICATION_DECIDED_TITLE,
                    Msg.APPLICATION_DECIDED_DETAIL.with(supplierId, supplier.status));
        }
        String why = reason == null ? null : reason.trim();
        boolean checkCharacterFails = !CreditCode.check(supplier.creditCode).isValid();
        if (decision == Decision.REJECT && (why == null || why.isEmpty())) {
            throw ProblemException.invalid("reason", Msg.REASON_REQUIRED_TO_REJECT.with());
        }
        if (decision == Decision.APPROVE && checkCharacterFails && (why == null || why.isEmpty())) {
            throw ProblemException.invalid("reason",
                    Msg.REASON_REQUIRED_FOR_CHECK_CHARACTER.with(CreditCode.check(supplier.creditCode).message()));
        }
        SupplierView before = SupplierView.from(supplier);
        supplier.decidedAt = dates.now();
        supplier.decidedBy = officer;
        supplier.decisionReason = why == null || why.isEmpty() ? null : why;
        if (decision == Decision.APPROVE) {
            supplier.status = SupplierStatus.ACTIVE;
            supplier.admittedOn = dates.today();
            supplier.checkOverrideReason = checkCharacterFails ? why : null;
        } else {
            supplier.status = SupplierStatus.REJECTED;
        }
        audit.record(officer, decision == Decision.APPROVE ? "SUPPLIER_APPROVED" : "SUPPLIER_REJECTED",
                AuditTrail.subject("supplier", supplier.id), before, SupplierView.from(supplier));
        outbox.publish(decision == Decision.APPROVE ? EventType.SUPPLIER_ADMITTED : EventType.SUPPLIER_REJECTED, "supplier",
                supplier.id, Outbox.data("supplierId", supplier.id, "creditCode", supplier.creditCode, "name", supplier.name,
                        "region", supplier.region, "admittedOn", supplier.admittedOn, "reason", supplier.decisionReason,
                        "imported", false));
        return supplier;
    }
}
