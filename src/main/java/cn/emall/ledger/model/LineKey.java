package cn.emall.ledger.model;

/**
 * A ledger line by its key: recording is idempotent on (order number, line number), and a return
 * names its original sale by it.
 */
public record LineKey(String orderNo, int lineNo) {
}
