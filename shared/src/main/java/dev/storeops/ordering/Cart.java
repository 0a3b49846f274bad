package dev.storeops.ordering;

import java.time.Instant;
import java.util.List;

/**
 * A saved storefront cart. {@code OPEN} until an order is made from it ({@code ORDERED}, with the
 * order id). The abandoned-cart mail reads open carts by {@code updatedAt}.
 */
public record Cart(String id, String customerId, List<ValidOrder.Line> lines, Status status, String orderId,
    Instant createdAt, Instant updatedAt) {
  public enum Status { OPEN, ORDERED }

  public Cart {
    lines = List.copyOf(lines);
  }
}
