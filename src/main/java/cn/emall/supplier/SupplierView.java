package cn.emall.supplier;

import cn.emall.supplier.model.CreditCode;
import cn.emall.supplier.model.Suspension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A supplier on the wire. */
@Schema(description = "A supplier: its profile, status and the dates of its admission, termination and suspension")
public record SupplierView(long id, String name, String creditCode, SupplierStatus status,
                           @Schema(nullable = true, description = "The admission date (入驻日期); null until approved")
                           LocalDate admittedOn,
                           @Schema(nullable = true, description = "The last day of the suspension after a termination; null "
                                   + "when none")
                           LocalDate suspendedUntil,
                           @Schema(nullable = true, description = "The first day the credit code may apply again; null when "
                                   + "not suspended")
                           LocalDate mayApplyFrom,
                           @Schema(nullable = true, description = "The day it was terminated (清退); null unless TERMINATED")
                           LocalDate terminatedOn,
                           String region, String legalRepresentative, String contactName, String contactPhone, String email,
                           @Schema(description = "Whether the credit code's check character is "
                                   + "right") boolean creditCodeCheckPasses,
                           @Schema(nullable = true, description = "The officer's reason for the decision; null when none was "
                                   + "given")
                           String decisionReason,
                           @Schema(nullable = true, description = "Why a code failing its check character was admitted; null "
                                   + "when none")
                           String checkOverrideReason,
                           List<MaterialView> materials) {

    @Schema(name = "SupplierMaterialView", description = "A qualification document of a supplier: its kind, the document "
            + "(GET /api/v1/documents/{documentRef}) and the SHA-256 of its bytes as attached")
    public record MaterialView(String kind, String documentRef,
                               @Schema(nullable = true, pattern = "^[0-9a-f]{64}$", description = "null for a material "
                                       + "attached before documents were stored") String sha256) {
    }

    public static SupplierView from(Supplier supplier) {
        return new SupplierView(supplier.id, supplier.name, supplier.creditCode, supplier.status, supplier.admittedOn,
                supplier.suspendedUntil,
                supplier.suspendedUntil == null ? null : Suspension.mayApplyFrom(supplier.suspendedUntil),
                supplier.terminatedOn, supplier.region, supplier.legalRepresentative, supplier.contactName,
                supplier.contactPhone, supplier.email, CreditCode.check(supplier.creditCode).isValid(),
                supplier.decisionReason, supplier.checkOverrideReason,
                supplier.materials.stream().map(material -> new MaterialView(material.kind, material.documentRef, material.sha256)).toList());
    }
}
