package dev.storeops.stockimport.core;

/** A stock item as stored now (what this supplier fed before), for the diff. */
public record CurrentStock(String sku, long onHand, long reserved, String supplierName, Long supplierPrice,
    String expiresAt, Integer priority) {
  public CurrentStock(String sku, long onHand, long reserved, String supplierName, Long supplierPrice,
      String expiresAt) {
    this(sku, onHand, reserved, supplierName, supplierPrice, expiresAt, null);
  }
}
