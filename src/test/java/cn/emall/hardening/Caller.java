package cn.emall.hardening;

/** Who calls, in the order in which the access table lists them. */
enum Caller {
    /** No token at all. */
    ANONYMOUS,
    /** The supplier that owns the fixtures' listings, notices and appeal. */
    SUPPLIER_A,
    /** Another admitted supplier: sees none of A's objects (404). */
    SUPPLIER_B,
    /** The order system's machine account. */
    ORDER_SYSTEM,
    /** The bootstrap officer. */
    OFFICER
}
