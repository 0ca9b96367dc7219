package cn.emall.catalog;

/** SPEC "Product listings": LISTED -> TAKEN_DOWN -> LISTED again; WITHDRAWN by the supplier; DELISTED on termination. */
public enum ProductStatus { LISTED, TAKEN_DOWN, WITHDRAWN, DELISTED }
