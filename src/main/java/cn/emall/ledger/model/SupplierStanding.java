package cn.emall.ledger.model;

import java.time.LocalDate;

/**
 * What the ledger knows of a supplier when it records a sale.
 *
 * @param status       its status now, as the supplier capability names it ({@code ACTIVE}, ...)
 * @param admittedOn   the day it was admitted; null when it never was
 * @param terminatedOn the day its entry agreement ended; null when it did not
 */
public record SupplierStanding(String status, LocalDate admittedOn, LocalDate terminatedOn) {

    /** The status of a supplier that trades. */
    public static final String ACTIVE = "ACTIVE";

    public boolean isActiveNow() {
        return ACTIVE.equals(status);
    }
}
