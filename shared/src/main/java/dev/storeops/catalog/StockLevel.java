package dev.storeops.catalog;

/** Stock of one SKU in one warehouse; {@code available = onHand − reserved}, never below 0. */
public record StockLevel(String sku, String warehouse, long onHand, long reserved, long available) {}
