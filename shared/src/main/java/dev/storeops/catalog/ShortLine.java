package dev.storeops.catalog;

/**
 * An order short of stock on one SKU in one warehouse: it holds {@code held} units while only
 * {@code onHand} are counted there (the supplier's file or the staff's count; {@link ShortStockPolicy}).
 */
public record ShortLine(String sku, String warehouse, long held, long onHand) {}
