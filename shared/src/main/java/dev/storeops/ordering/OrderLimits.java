package dev.storeops.ordering;

/**
 * Size limits of one order.
 *
 * <p>The order, its idempotency record, its number claim, the cart close and one spare (the order's
 * announcement) are {@link #FIXED_ACTIONS} actions of the creating {@code TransactWriteItems}; each
 * line reserves from at most {@link #MAX_WAREHOUSES_PER_LINE} warehouses, and each reservation is
 * {@link #ACTIONS_PER_RESERVATION} actions: the stock update, the order's hold and the journal entry
 * (docs/stock-ledger.md). With {@link #MAX_LINES} = 15: 5 + 15 × 2 × 3 = 95 ≤ 100, the DynamoDB limit
 * of actions per transaction, so an accepted order always fits in one transaction — and so does its
 * cancellation or shipment (order, event claim, manager count + the same 3 per reservation).
 */
public record OrderLimits(int maxLines, int maxQtyPerLine) {
  public static final int MAX_LINES = 15;
  public static final int MAX_WAREHOUSES_PER_LINE = 2;
  /** Actions besides the reservations: order, idempotency record, order-number claim, cart, announcement. */
  public static final int FIXED_ACTIONS = 5;
  /** Stock update, hold, journal entry. */
  public static final int ACTIONS_PER_RESERVATION = 3;
  public static final int TRANSACTION_LIMIT = 100;

  public OrderLimits {
    if (maxLines < 1 || maxLines > MAX_LINES) {
      throw new IllegalArgumentException("maxLines must be 1.." + MAX_LINES);
    }
    if (maxQtyPerLine < 1) {
      throw new IllegalArgumentException("maxQtyPerLine must be positive");
    }
    if (FIXED_ACTIONS + MAX_LINES * MAX_WAREHOUSES_PER_LINE * ACTIONS_PER_RESERVATION > TRANSACTION_LIMIT) {
      throw new IllegalStateException("order limits do not fit one transaction");
    }
  }

  public static OrderLimits defaults() {
    return new OrderLimits(MAX_LINES, 99);
  }

  /** From the environment: {@code MAX_LINE_QTY} (default {@link #defaults()}). */
  public static OrderLimits from(dev.storeops.platform.config.Env env) {
    return new OrderLimits(MAX_LINES, env.optionalInt("MAX_LINE_QTY", defaults().maxQtyPerLine()));
  }
}
