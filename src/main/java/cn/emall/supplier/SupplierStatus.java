package cn.emall.supplier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SPEC "Suppliers": PENDING -> ACTIVE or REJECTED; ACTIVE -> TERMINATED (清退). */
@Schema(description = "PENDING until an officer decides, then ACTIVE or REJECTED; ACTIVE until TERMINATED (清退)")
public enum SupplierStatus { PENDING, ACTIVE, REJECTED, TERMINATED }
