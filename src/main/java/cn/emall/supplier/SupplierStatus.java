package cn.emall.supplier;

/** SPEC "Suppliers": PENDING -> ACTIVE or REJECTED; ACTIVE -> TERMINATED (清退). */
public enum SupplierStatus { PENDING, ACTIVE, REJECTED, TERMINATED }
