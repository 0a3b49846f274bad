package dev.storeops.fulfilment.carriers;

import java.time.Instant;

/**
 * One status a carrier reported for a parcel, in the carrier's own words: its code (CDEK's
 * {@code DELIVERED}, {@code NOT_DELIVERED}, …), when, and where (city, may be null).
 */
public record CarrierEvent(String code, Instant at, String city) {}
