package dev.storeops.catalog;

/**
 * The delivery chosen for an order.
 *
 * @param option the option id offered by {@code GET /delivery-options} ({@code PICKUP}, {@code
 *     COURIER}, {@code PARCEL_CDEK}, {@code PARCEL_POST})
 * @param warehouse the pickup warehouse (pickup only)
 * @param address the street address (courier and parcel)
 */
public record Delivery(String option, DeliveryMethod method, String carrier, String city, String address,
    String warehouse, long costMinor) {}
