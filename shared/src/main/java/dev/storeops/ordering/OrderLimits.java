package dev.storeops.ordering;

/**
 * Size limits of one order.
 *
 * <p>Each line reserves from at most {@link #MAX_WAREHOUSES_PER_LINE} warehouses, and each reservation
 * is {@link #ACTIONS_PER_RESERVATION} actions: the stock update, the order's hold and the journal entry
 * (docs/stock-ledger.md). The order's own actions are {@link #fixedActions}: order, idempotency record,
 * number claim, announce item, the cart close and the promo code's 2. With {@link #MAX_LINES} = 40 an order
 * can need more than {@link #TRANSACTION_LIMIT} actions (40 × 3 + 4 = 124 with one warehouse per line):
 * its first reservations are then written ahead as a pending intake and the last transaction writes the
 * rest with the order (docs/orders.md, "40 lines do not fit one transaction"); the cancellation or
 * shipment of such an order writes the moves that do not fit its status change right after it.
 */
public record OrderLimits(int maxLines, int maxQtyPerLine) {
  public static final int MAX_LINES = 40;
  public static final int MAX_WAREHOUSES_PER_LINE = 2;
  /** Actions besides the reservations in the common case: order, idempotency record, order-number claim, announcement. */
  public static final int FIXED_ACTIONS = 4;
  /** Stock update, hold, journal entry. */
  public static final int ACTIONS_PER_RESERVATION = 3;
  public static final int TRANSACTION_LIMIT = 100;
  /** A promo code's actions: its counter and the customer's use. */
  public static final int PROMO_ACTIONS = 2;

  public OrderLimits {
    if (maxLines < 1 || maxLines > MAX_LINES) {
      throw new IllegalArgumentException("maxLines must be 1.." + MAX_LINES);
    }
    if (maxQtyPerLine < 1) {
      throw new IllegalArgumentException("maxQtyPerLine must be positive");
    }
  }

  /** The order's own actions in its (last) creating transaction. */
  public static int fixedActions(boolean cart, boolean promo) {
    return FIXED_ACTIONS + (cart ? 1 : 0) + (promo ? PROMO_ACTIONS : 0);
  }

  /** Reservations the order's own transaction holds besides its fixed actions (31 in the common case). */
  public static int reservationsInOneTransaction(boolean cart, boolean promo) {
    return (TRANSACTION_LIMIT - fixedActions(cart, promo)) / ACTIONS_PER_RESERVATION;
  }

  public static OrderLimits defaults() {
    return new OrderLimits(MAX_LINES, 99);
  }

  /** From the environment: {@code MAX_LINE_QTY} (default {@link #defaults()}). */
  public static OrderLimits from(dev.storeops.platform.config.Env env) {
    return new OrderLimits(MAX_LINES, env.optionalInt("MAX_LINE_QTY", defaults().maxQtyPerLine()));
  }
}
