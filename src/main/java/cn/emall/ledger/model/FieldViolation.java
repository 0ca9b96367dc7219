package cn.emall.ledger.model;

/** One field of a ledger line and the rule it broke, in words the order system can act on. */
public record FieldViolation(String field, String message) {
}
