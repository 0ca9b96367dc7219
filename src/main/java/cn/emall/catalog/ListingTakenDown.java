package cn.emall.catalog;

/** Fired (synchronously, inside the transaction) when an officer takes a listing down. */
public record ListingTakenDown(long productId, long supplierId, String reason, String officer) {
}
