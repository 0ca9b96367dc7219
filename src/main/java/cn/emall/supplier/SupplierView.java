package cn.emall.supplier;

import cn.emall.supplier.model.CreditCode;
import cn.emall.supplier.model.Suspension;

import java.time.LocalDate;
import java.util.List;

/** A supplier on the wire. */
public record SupplierView(long id, String name, String creditCode, SupplierStatus status, LocalDate admittedOn,
                           LocalDate suspendedUntil, LocalDate mayApplyFrom, LocalDate terminatedOn, String region,
                           String legalRepresentative, String contactName, String contactPhone, String email,
                           boolean creditCodeCheckPasses, String decisionReason, String checkOverrideReason,
                           List<MaterialView> materials) {

    public record MaterialView(String kind, String documentRef) {
    }

    public static SupplierView from(Supplier supplier) {
        return new SupplierView(supplier.id, supplier.name, supplier.creditCode, supplier.status, supplier.admittedOn,
                supplier.suspendedUntil,
                supplier.suspendedUntil == null ? null : Suspension.mayApplyFrom(supplier.suspendedUntil),
                supplier.terminatedOn, supplier.region, supplier.legalRepresentative, supplier.contactName,
                supplier.contactPhone, supplier.email, CreditCode.check(supplier.creditCode).isValid(),
                supplier.decisionReason, supplier.checkOverrideReason,
                supplier.materials.stream().map(material -> new MaterialView(material.kind, material.documentRef)).toList());
    }
}
