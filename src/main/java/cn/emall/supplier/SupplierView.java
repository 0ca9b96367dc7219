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

    public static SupplierView from(Supplier s) {
        return new SupplierView(s.id, s.name, s.creditCode, s.status, s.admittedOn, s.suspendedUntil,
                s.suspendedUntil == null ? null : Suspension.mayApplyFrom(s.suspendedUntil), s.terminatedOn, s.region,
                s.legalRepresentative, s.contactName, s.contactPhone, s.email, CreditCode.check(s.creditCode).isValid(),
                s.decisionReason, s.checkOverrideReason,
                s.materials.stream().map(m -> new MaterialView(m.kind, m.documentRef)).toList());
    }
}
