package cn.emall.ledger;

import cn.emall.ledger.model.FieldViolation;
import cn.emall.ledger.model.Refusal;
import cn.emall.platform.error.FieldError;
import cn.emall.platform.error.ProblemException;

import java.util.List;

/** The problem document that answers each refusal of the ledger's rules, with its stable type. */
final class RefusalProblems {

    private RefusalProblems() {
    }

    static ProblemException problemOf(Refusal refusal) {
        if (refusal instanceof Refusal.Invalid invalid) {
            return ProblemException.invalid(fieldErrors(invalid.violations()));
        }
        if (refusal instanceof Refusal.SupplierNotActive notActive) {
            return new ProblemException(409, "supplier-not-active", "Supplier not active", notActive.detail(),
                    fieldErrors(notActive.violations()));
        }
        if (refusal instanceof Refusal.OverReturn overReturn) {
            return new ProblemException(409, "over-return", "Return exceeds the original", overReturn.detail())
                    .with("remainingQuantity", overReturn.remainingQuantity())
                    .with("remainingAmount", overReturn.remainingAmount().toPlainString());
        }
        Refusal.IdempotencyConflict conflict = (Refusal.IdempotencyConflict) refusal;
        return ProblemException.conflict("idempotency-conflict", "Line already recorded differently", conflict.detail());
    }

    private static List<FieldError> fieldErrors(List<FieldViolation> violations) {
        return violations.stream().map(violation -> new FieldError(violation.field(), violation.message())).toList();
    }
}
