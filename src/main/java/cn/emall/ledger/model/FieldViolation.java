package cn.emall.ledger.model;

import cn.emall.text.Text;

/** One field of a ledger line and the rule it broke, in words the order system can act on. */
public record FieldViolation(String field, Text message) {
}
