package dev.storeops.fulfilment;

import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderViews;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order as the payment and follow-up rules see it: the order plus what they keep on the order item
 * (docs/payments.md): its revision (every rule write is conditioned on it), the payment events and
 * calls recorded, the unanswered-call count, a staff flag, the shipment, and the payment deadline
 * while the order waits on the due-work index.
 *
 * @param paymentStage {@code REMIND}, {@code CANCEL} or {@code NOTIFY} while on the index, else null
 */
public record OrderFile(Order order, long rev, int noAnswerCalls, String paymentStage, Instant paymentDueAt,
    String dueSk, List<Map<String, Object>> payments, List<Map<String, Object>> calls, String flag,
    Map<String, Object> shipment, Map<String, Object> refusal, List<Map<String, Object>> returns) {

  public OrderFile {
    payments = payments == null ? List.of() : List.copyOf(payments);
    calls = calls == null ? List.of() : List.copyOf(calls);
    returns = returns == null ? List.of() : List.copyOf(returns);
  }

  /** An order without a refusal or returns. */
  public OrderFile(Order order, long rev, int noAnswerCalls, String paymentStage, Instant paymentDueAt,
      String dueSk, List<Map<String, Object>> payments, List<Map<String, Object>> calls, String flag,
      Map<String, Object> shipment) {
    this(order, rev, noAnswerCalls, paymentStage, paymentDueAt, dueSk, payments, calls, flag, shipment, null, List.of());
  }

  public Optional<Map<String, Object>> payment(String eventId) {
    return payments.stream().filter(p -> eventId.equals(p.get("eventId"))).findFirst();
  }

  public boolean hasCall(String callId) {
    return calls.stream().anyMatch(c -> callId.equals(c.get("id")));
  }

  /** The staff view: the order with its payments, calls, flag, shipment and payment deadline. */
  public Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>(OrderViews.staff(order));
    view.put("payments", payments);
    view.put("calls", calls);
    view.put("noAnswerCalls", noAnswerCalls);
    view.put("flag", flag);
    view.put("shipment", shipment);
    view.put("paymentDueAt", paymentDueAt);
    view.put("paymentStage", paymentStage);
    if (refusal != null) {
      view.put("refusal", refusal);
    }
    if (!returns.isEmpty()) {
      view.put("returns", RegisterReturn.view(this)); // without the idempotency hashes
    }
    return view;
  }
}
