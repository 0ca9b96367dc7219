package cn.emall.catalog;

/**
 * Fired (synchronously, inside the transaction) when a supplier answers a takedown by relisting
 * or withdrawing a listing, so that the rectification notice about it is handled.
 */
public record ListingResolved(long productId, long supplierId, ProductStatus newStatus) {
}
