package dev.storeops.fulfilment;

import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.retry.Retry;
import java.util.function.Function;

/**
 * The one write loop of the use cases: read the order, let a policy decide the change, write it with
 * {@link OrderFlowStore#apply} conditioned on the order as read; when another path (a webhook, a staff
 * click, the scheduler) changed the order meanwhile, back off ({@link Retry#backOff}), read again and
 * decide again — up to {@link Retry#ATTEMPTS} (5) attempts, then {@link Busy}.
 */
public final class OrderMutations {
  private static final Log LOG = Log.get(OrderMutations.class);

  /** The order after the write (or as read when nothing was written), the change written, and a duplicate event. */
  public record Result(OrderFile file, OrderChange change, boolean duplicate) {}

  private final OrderFlowStore store;

  public OrderMutations(OrderFlowStore store) {
    this.store = store;
  }

  /** Reads the order ({@link NotFound} when missing) and applies what {@code decide} returns (null: nothing). */
  public Result mutate(String orderId, Function<OrderFile, OrderChange> decide) {
    return mutateFrom(read(orderId), decide, true);
  }

  /**
   * As {@link #mutate}, without reading the order back after the write: the result's file is the order
   * as the change was decided on (one read fewer, for a caller that needs nothing the change wrote).
   */
  public Result mutateWithoutReadBack(String orderId, Function<OrderFile, OrderChange> decide) {
    return mutateFrom(read(orderId), decide, false);
  }

  private OrderFile read(String orderId) {
    return store.find(orderId).orElseThrow(() -> new NotFound("Order " + orderId));
  }

  /** As {@link #mutate}, starting from an order already read. */
  public Result mutateFrom(OrderFile first, Function<OrderFile, OrderChange> decide) {
    return mutateFrom(first, decide, true);
  }

  private Result mutateFrom(OrderFile first, Function<OrderFile, OrderChange> decide, boolean readBack) {
    OrderFile f = first;
    for (int attempt = 1; attempt <= Retry.ATTEMPTS; attempt++) {
      OrderChange change = decide.apply(f);
      if (change == null) {
        return new Result(f, null, false);
      }
      OrderFlowStore.Result result = store.apply(change);
      String id = f.order().id();
      switch (result) {
        case APPLIED -> {
          return new Result(readBack ? store.find(id).orElseThrow() : f, change, false);
        }
        case DUPLICATE_EVENT -> {
          return new Result(store.find(id).orElseThrow(), null, true);
        }
        default -> {
          LOG.info("order changed meanwhile: deciding again", "orderId", id, "attempt", attempt);
          Retry.backOff(attempt);
          f = store.find(id).orElseThrow();
        }
      }
    }
    throw new Busy("busy", "The order is being changed by others; try again.");
  }
}
