package dev.storeops.catalog;

/**
 * What one order holds of a SKU in a warehouse: the units it reserved there and has not yet shipped
 * or released (item {@code SKU#<sku>} / {@code HOLD#<warehouse>#<orderId>}). A stock item's
 * {@code reserved} is the sum of its holds.
 *
 * @param manager the order's manager when it was known at the time of writing, else {@code null}
 */
public record Hold(String sku, String warehouse, String orderId, long qty, String manager) {}
