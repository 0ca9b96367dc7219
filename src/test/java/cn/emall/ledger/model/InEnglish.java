package cn.emall.ledger.model;

import cn.emall.testsupport.English;

import java.util.List;
import java.util.Optional;

/** Refusals and violations as the order system reads them in English, so that a test says what it is told. */
final class InEnglish {

    private InEnglish() {
    }

    static String shown(String field, String message) {
        return field + ": " + message;
    }

    static String invalid(String field, String message) {
        return "Invalid " + List.of(shown(field, message));
    }

    static String notActive(String detail, List<String> violations) {
        return "SupplierNotActive " + detail + " " + violations;
    }

    static List<String> violations(List<FieldViolation> violations) {
        return violations.stream().map(v -> English.of(v.field(), v.message())).toList();
    }

    static Optional<String> refusal(Optional<Refusal> refusal) {
        return refusal.map(InEnglish::refusal);
    }

    static String refusal(Refusal refusal) {
        if (refusal instanceof Refusal.Invalid invalid) {
            return "Invalid " + violations(invalid.violations());
        }
        if (refusal instanceof Refusal.SupplierNotActive notActive) {
            return notActive(English.of(notActive.detail()), violations(notActive.violations()));
        }
        return refusal.toString();
    }
}
