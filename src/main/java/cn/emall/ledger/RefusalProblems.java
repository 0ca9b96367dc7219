package cn.emall.ledger;

import cn.emall.ledger.model.FieldViolation;
import cn.emall.ledger.model.Refusal;
import cn.emall.platform.error.InvalidField;
import cn.emall.platform.error.ProblemException;
import cn.emall.text.Msg;

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
            return new ProblemException(409, "supplier-not-active", Msg.SUPPLIER_NOT_ACTIVE_TITLE, notActive.detail(),
                    fieldErrors(notActive.violations()));
        }
        if (refusal instanceof Refusal.OverReturn overReturn) {
            return new ProblemException(409, "over-return", Msg.OVER_RETURN_TITLE, overReturn.detail())
                    .with("remainingQuantity", overReturn.remainingQuantity())
                    .with("remainingAmount", overReturn.remainingAmount().toPlainString());
        }
        Refusal.IdempotencyConflict conflict = (Refusal.IdempotencyConflict) refusal;
        return ProblemException.conflict("idempotency-conflict", Msg.IDEMPOTENCY_CONFLICT_TITLE, conflict.detail());
    }

    private static List<InvalidField> fieldErrors(List<FieldViolation> violations) {
        return violations.stream().map(violation -> new InvalidField(violation.field(), violation.message())).toList();
    }
}
