package dev.storeops.customers;

import java.time.Instant;
import java.util.Map;

/**
 * The record an erasure leaves (no personal data): which customer id was erased, the anonymous
 * reference their kept records carry, when, by whom, and how many items each kind lost or had
 * anonymised. Stored as {@code CUSTOMER#<id> / ERASED}; a repeated erasure returns it.
 */
public record CustomerErasure(String customerId, String reference, Instant erasedAt, String erasedBy,
    Map<String, Integer> items) {
  public CustomerErasure {
    items = items == null ? Map.of() : Map.copyOf(items);
  }
}
