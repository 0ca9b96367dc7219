package cn.emall.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SPEC "Product listings": LISTED -> TAKEN_DOWN -> LISTED again; WITHDRAWN by the supplier; DELISTED on termination. */
@Schema(description = "LISTED; TAKEN_DOWN (by an officer or the nightly run) until relisted; WITHDRAWN by the supplier; "
        + "DELISTED when the supplier is terminated")
public enum ProductStatus { LISTED, TAKEN_DOWN, WITHDRAWN, DELISTED }
