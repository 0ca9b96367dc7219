package cn.emall.supplier;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A supplier's account in the e-mall, from its application on. Each admission is its own row. */
@Entity
@Table(name = "supplier")
public class Supplier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    public String email;

    public String region;

    @Enumerated(EnumType.STRING)
    public SupplierStatus status;

    @Column(name = "applied_at")
    public Instant appliedAt;

    /** The admission date (入驻日期) the rules count from. */
    @Column(name = "admitted_on")
    public LocalDate admittedOn;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    /** Why an officer admitted a code that fails only its check character (early pilot codes). */
    @Column(name = "check_override_reason")
    public String checkOverrideReason;

    @Column(name = "terminated_on")
    public LocalDate terminatedOn;

    /** Trading is suspended through this date; a new application is possible the day after. */
    @Column(name = "suspended_until")
    public LocalDate suspendedUntil;

    @Column(name = "suspension_ended")
    public boolean suspensionEnded;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "supplier_material", joinColumns = @JoinColumn(name = "supplier_id"))
    @OrderColumn(name = "position")
    public List<Material> materials = new ArrayList<>();

    @Version
    public int version;

    /** A qualification document, by reference, with its SHA-256 as attached (null for materials attached before documents were stored). */
    @Embeddable
    public static class Material {
        public String kind;

        @Column(name = "document_ref")
        public String documentRef;

        @Column(length = 64)
        public String sha256;

        public Material() {
        }

        public Material(cn.emall.document.Material attached) {
            this.kind = attached.kind();
            this.documentRef = attached.documentRef();
            this.sha256 = attached.sha256();
        }
    }
}
