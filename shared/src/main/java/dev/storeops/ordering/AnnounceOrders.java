package dev.storeops.ordering;

import dev.storeops.platform.Job;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sweeper of lost announcements (scheduler job {@value #JOB}, every 15 minutes): storing an order
 * writes its announce item in the same transaction ({@link OrderAnnouncements}); order-events removes it
 * after the manager assignment, the confirmation mail and the payment deadline / phone task. An item
 * still there {@link #GRACE} after creation means the {@link OrderCreated} message was never queued (or
 * never handled): the sweeper publishes it again and looks again {@link #RECHECK} later. Publishing twice
 * is harmless: every after-creation step is guarded by a marker or key on the order. After {@link
 * #MAX_REPUBLISH} publications without completion the item fails, and {@link PoisonItems} parks it for
 * ops after its attempts (the order-events DLQ holds the reason). The republished event carries no access
 * token (the table keeps only its hash): that confirmation mail links to the order page without it.
 */
public final class AnnounceOrders implements Job {
  public static final String JOB = "order-announce";
  /** How long after creation an order must have been announced. */
  public static final Duration GRACE = Duration.ofMinutes(5);
  /** When a republished order is looked at again. */
  public static final Duration RECHECK = Duration.ofMinutes(15);
  /** Publications by the sweeper before the item counts as failing. */
  public static final int MAX_REPUBLISH = 3;
  /** Items one run handles at most; the rest wait for the next run. */
  static final int BATCH = 200;
  private static final Log LOG = Log.get(AnnounceOrders.class);

  private final OrderAnnouncements announcements;
  private final OrderStore orders;
  private final OrderEvents events;
  private final PoisonItems poison;
  private final Clock clock;

  public AnnounceOrders(OrderAnnouncements announcements, OrderStore orders, OrderEvents events, PoisonItems poison,
      Clock clock) {
    this.announcements = announcements;
    this.orders = orders;
    this.events = events;
    this.poison = poison;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> run() {
    PoisonItems.Run run = poison.start(JOB);
    int[] republished = {0};
    int[] gone = {0};
    int[] moved = {0};
    var due = announcements.due(BATCH);
    for (OrderAnnouncements.Due item : due) {
      run.attempt(item.at(), () -> {
        if (item.republished() >= MAX_REPUBLISH) {
          throw new IllegalStateException("order " + item.orderId() + " published " + item.republished()
              + " times and still not completed by order-events (see its DLQ)");
        }
        if (item.pendingMoves() != null) {
          // stock moves of a large order still listed: an intake whose order never came is released,
          // the rest of a cancellation's or shipment's moves are written (docs/orders.md)
          if (announcements.finishMoves(item)) {
            moved[0]++;
            LOG.warn("pending stock moves finished by the sweeper", "orderId", item.orderId(),
                "state", item.pendingMoves(), "item", item.at().sk());
          }
          return;
        }
        if (orders.find(item.orderId()).isEmpty()) {
          announcements.announced(item.orderId());
          gone[0]++;
          return;
        }
        events.publish(new OrderCreated(OrderCreated.TYPE, item.orderId(), null, item.createdAt()));
        Instant now = clock.instant();
        announcements.republished(item, now.plus(RECHECK));
        republished[0]++;
        LOG.warn("order announced again by the sweeper", "orderId", item.orderId(),
            "createdAt", item.createdAt(), "publication", item.republished() + 1);
      });
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("job", JOB);
    result.put("due", due.size());
    result.put("republished", republished[0]);
    result.put("gone", gone[0]);
    result.put("stockMovesFinished", moved[0]);
    return run.addTo(result);
  }
}
