package cn.emall.ledger.model;

import org.junit.jupiter.api.Test;

import static cn.emall.ledger.model.SaleLineBuilder.sale;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC "Sales ledger": the same line sent twice is stored once; what counts as the same line. */
class SaleLineTest {

    private static final SaleLine SENT = sale().quantity(2).unitPrice("12.50").at("2026-11-20T09:30:00.123456+08:00").build();

    @Test
    void sameLineInAnotherOffsetAndWithOtherTrailingZerosIsTheSameLine() {
        assertTrue(SENT.sameContentAs(sale().quantity(2).unitPrice("12.5").amount("25").at("2026-11-20T01:30:00.123456Z").build()));
    }

    @Test
    void timesAreComparedToTheMicrosecondTheLedgerKeeps() {
        assertTrue(SENT.sameContentAs(sale().at("2026-11-20T09:30:00.123456789+08:00").build()));
        assertFalse(SENT.sameContentAs(sale().at("2026-11-20T09:30:00.123457+08:00").build()));
    }

    @Test
    void anyOtherFieldMakesItAnotherLine() {
        assertFalse(SENT.sameContentAs(sale().quantity(3).at(SENT.occurredAt().toString()).build()));
        assertFalse(SENT.sameContentAs(sale().unitPrice("12.51").amount("25.00").at(SENT.occurredAt().toString()).build()));
        assertFalse(SENT.sameContentAs(sale().amount("25.01").at(SENT.occurredAt().toString()).build()));
        assertFalse(SENT.sameContentAs(sale().supplier(8).at(SENT.occurredAt().toString()).build()));
        assertFalse(SENT.sameContentAs(sale().product(10).at(SENT.occurredAt().toString()).build()));
        assertFalse(SENT.sameContentAs(sale().buyer("包头市第二中学").at(SENT.occurredAt().toString()).build()));
        assertFalse(SENT.sameContentAs(sale().refersTo(new LineKey("ZC-0", 1)).at(SENT.occurredAt().toString()).build()));
    }

    @Test
    void onlyANegativeQuantityIsAReturn() {
        assertTrue(sale().quantity(-1).build().isReturn());
        assertFalse(sale().quantity(1).build().isReturn());
    }
}
