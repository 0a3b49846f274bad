package dev.storeops.ordering;

import java.time.Instant;

/** One entry of an order's status history: when, to which status, who or which rule, why. */
public record StatusChange(Instant at, OrderStatus status, String by, String reason) {
  /**
   * The kind of the reason without the staff's free words: the text before the first {@code :} ("refused
   * by the customer: <what they said>" → "refused by the customer"). What other records (the stock
   * journal) may copy: the words can name the customer and are kept only on the order (erased with it).
   */
  public String reasonKind() {
    if (reason == null) {
      return null;
    }
    int colon = reason.indexOf(':');
    String kind = (colon >= 0 ? reason.substring(0, colon) : reason).strip();
    return kind.isEmpty() ? null : kind.length() > 80 ? kind.substring(0, 80) : kind;
  }
}
