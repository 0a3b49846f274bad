package dev.storeops.ordering;

/**
 * Size limits of one order.
 *
 * <p>The order, its idempotency record, its number claim and the cart close are 4 actions of the
 * creating {@code TransactWriteItems}; each line reserves from at most {@link
 * #MAX_WAREHOUSES_PER_LINE} warehouses. With {@link #MAX_LINES} = 40: 4 + 40 × 2 = 84 ≤ 100, the
 * DynamoDB limit of actions per transaction, so an accepted order always fits in one transaction.
 */
public record OrderLimits(int maxLines, int maxQtyPerLine) {
  public static final int MAX_LINES = 40;
  public static final int MAX_WAREHOUSES_PER_LINE = 2;
  /** Actions besides stock updates: order, idempotency record, order-number claim, cart. */
  public static final int FIXED_ACTIONS = 4;
  public static final int TRANSACTION_LIMIT = 100;

  public OrderLimits {
    if (maxLines < 1 || maxLines > MAX_LINES) {
      throw new IllegalArgumentException("maxLines must be 1.." + MAX_LINES);
    }
    if (maxQtyPerLine < 1) {
      throw new IllegalArgumentException("maxQtyPerLine must be positive");
    }
    if (FIXED_ACTIONS + MAX_LINES * MAX_WAREHOUSES_PER_LINE > TRANSACTION_LIMIT) {
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
