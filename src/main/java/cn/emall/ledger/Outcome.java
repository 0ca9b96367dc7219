package cn.emall.ledger;

import cn.emall.platform.error.ProblemException;

/** What became of one ledger line sent to the service. */
public sealed interface Outcome {

    /** Stored now (201). */
    record Created(SaleLineView line) implements Outcome {
    }

    /** The same line was stored before; answered with the stored line (200). */
    record AlreadyStored(SaleLineView line) implements Outcome {
    }

    /** Refused, with the reason. Nothing of it is stored. */
    record Refused(ProblemException problem) implements Outcome {
    }
}
