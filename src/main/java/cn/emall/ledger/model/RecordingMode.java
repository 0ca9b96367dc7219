package cn.emall.ledger.model;

/** Where lines come from, which decides what "the supplier is active" means for them (SPEC "Sales ledger"). */
public enum RecordingMode {
    /** Live lines from the order system: the supplier must be ACTIVE now and admitted by the day of the sale. */
    LIVE,
    /** A historical import: the supplier must have been active on the day of the sale (admitted, not yet terminated). */
    IMPORT
}
