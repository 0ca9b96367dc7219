package cn.emall.enforcement.model;

import cn.emall.enforcement.model.NetSales.Line;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Ledger lines for the rules' cases: a sale, and a return that refers to a sale by its id. */
public final class Lines {

    private Lines() {
    }

    public static Line sale(long id, String on, String amount, long quantity) {
        return new Line(id, LocalDate.parse(on), new BigDecimal(amount), quantity, null);
    }

    public static Line returnOf(long id, long saleId, String on, String amount, long quantity) {
        return new Line(id, LocalDate.parse(on), new BigDecimal(amount), quantity, saleId);
    }
}
