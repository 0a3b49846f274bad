package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Apply a verified payment-provider event (the payment webhook) as {@link PaymentEventPolicy} decides,
 * then its effects: paid → the "call about payment" task closed; amount mismatch, a payment in an
 * unexpected state or a failed card payment → an urgent staff task (30 min by default); refund before
 * shipping → the customer's cancellation mail; refund after shipping → a "arrange the return" task; a
 * paid pickup order → the ready-for-pickup notice; every refund applied → the customer's refund notice
 * ({@link CustomerNotices#refundMade}, keyed by the event id).
 * The same event id a second time writes nothing and repeats the effects harmlessly.
 */
public final class ApplyPaymentEvent {
  private static final Log LOG = Log.get(ApplyPaymentEvent.class);

  /** What a payment event did. */
  public record Result(String orderId, String eventId, boolean duplicate, String outcome, OrderStatus status) {}

  private final OrderFlowStore store;
  private final OrderMutations mutations;
  private final PaymentEventPolicy policy;
  private final FollowUpTasks tasks;
  private final CancellationFollowUp cancellation;
  private final CustomerNotices notices;
  private final Clock clock;

  public ApplyPaymentEvent(OrderFlowStore store, OrderMutations mutations, PaymentEventPolicy policy,
      FollowUpTasks tasks, CancellationFollowUp cancellation, CustomerNotices notices, Clock clock) {
    this.store = store;
    this.mutations = mutations;
    this.policy = policy;
    this.tasks = tasks;
    this.cancellation = cancellation;
    this.notices = notices;
    this.clock = clock;
  }

  public Result apply(PaymentEvent e) {
    if (store.find(e.orderId()).isEmpty()) {
      throw new NotFound("Order " + e.orderId());
    }
    if (store.eventSeen(e.eventId())) {
      return duplicate(e);
    }
    Instant now = clock.instant();
    OrderMutations.Result m = mutations.mutate(e.orderId(), f -> policy.decide(f, e, now));
    if (m.duplicate()) {
      return duplicate(e);
    }
    Map<String, Object> recorded = m.file().payment(e.eventId()).orElseThrow();
    effects(m.file(), recorded);
    LOG.info("payment event applied", "eventId", e.eventId(), "orderId", e.orderId(), "type", e.type(),
        "outcome", recorded.get("outcome"), "status", m.file().order().status());
    return new Result(e.orderId(), e.eventId(), false, String.valueOf(recorded.get("outcome")),
        m.file().order().status());
  }

  /** A repeated event: nothing is written; the effects of the first delivery are repeated idempotently. */
  private Result duplicate(PaymentEvent e) {
    OrderFile f = store.find(e.orderId()).orElseThrow(() -> new NotFound("Order " + e.orderId()));
    Optional<Map<String, Object>> recorded = f.payment(e.eventId());
    recorded.ifPresent(p -> effects(f, p));
    LOG.info("payment event repeated: nothing changed", "eventId", e.eventId(), "orderId", e.orderId());
    return new Result(e.orderId(), e.eventId(), true,
        recorded.map(p -> String.valueOf(p.get("outcome"))).orElse("OTHER_ORDER"), f.order().status());
  }

  /** Tasks and mail that follow a recorded payment event (idempotent: task ids and mail keys are fixed). */
  private void effects(OrderFile f, Map<String, Object> p) {
    Order o = f.order();
    String eventId = String.valueOf(p.get("eventId"));
    switch (String.valueOf(p.get("outcome"))) {
      case PaymentEventPolicy.PAID -> {
        tasks.closeCallAboutPayment(o, PaymentEventPolicy.BY, "paid");
        notices.afterChange(o, f.shipment());
      }
      case PaymentEventPolicy.MISMATCH -> tasks.paymentMismatch(o, eventId);
      case PaymentEventPolicy.UNEXPECTED -> tasks.unexpectedPayment(o, eventId);
      case PaymentEventPolicy.FAILED_CALL -> tasks.failedCardPayment(o, p.get("paymentId"));
      case PaymentEventPolicy.REFUNDED_CANCELLED -> {
        cancellation.orderCancelled(o);
        notices.refundMade(o, amount(p), eventId);
      }
      case PaymentEventPolicy.REFUNDED_AFTER_SHIPPING -> {
        tasks.refundAfterShipping(o, eventId);
        notices.refundMade(o, amount(p), eventId);
      }
      case PaymentEventPolicy.REFUNDED -> notices.refundMade(o, amount(p), eventId); // an already cancelled order
      default -> {
        // FAILED (not a card order waiting for payment): recorded only
      }
    }
  }

  private static long amount(Map<String, Object> p) {
    return p.get("amountMinor") instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(p.get("amountMinor")));
  }
}
