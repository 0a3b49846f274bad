package dev.storeops.catalog;

/**
 * One way to deliver, with its cost for the given lines.
 *
 * @param id what the order's {@code delivery.option} names
 * @param warehouse the pickup warehouse (pickup only)
 * @param boxes how many parcels the lines pack into
 * @param chargeableWeightGrams Σ over boxes of max(actual, volumetric) weight
 */
public record DeliveryOption(String id, DeliveryMethod method, String carrier, String zone, String warehouse,
    long costMinor, String costText, int days, int boxes, long chargeableWeightGrams) {}
