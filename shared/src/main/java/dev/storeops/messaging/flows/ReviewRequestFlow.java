package dev.storeops.messaging.flows;

import dev.storeops.customers.Customer;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Review request rule: a delivered order is due (kind {@code review-request}, written once per order
 * on delivery) at the delivery; the flow reads the index with a clock lagged by {@code
 * REVIEW_REQUEST_DAYS} (default 7 days), so the mail goes N days after delivery and changing N
 * applies to orders already delivered. One per order: {@code review-request#<orderId>}.
 */
public final class ReviewRequestFlow extends DueMailFlow<DueReviewRequest> {
  public static final String FLOW = "review-request";
  /** Due-work kind of delivered orders awaiting their review request. */
  public static final String KIND = "review-request";
  private final OrderStore orders;

  /** {@code laggedDue}: the review requests due at now − the review delay. */
  public ReviewRequestFlow(Deps deps, DueQueue<DueReviewRequest> laggedDue, OrderStore orders) {
    super(deps, laggedDue, FLOW);
    this.orders = orders;
  }

  @Override
  Outcome handle(DueReviewRequest item) {
    String orderId = item.orderId();
    Optional<Order> order = orders.find(orderId);
    if (order.isEmpty()) {
      clear(item.due());
      return Outcome.GONE;
    }
    Optional<Customer> customer = consenting(order.get().customerId());
    if (customer.isEmpty()) {
      clear(item.due());
      return Outcome.NO_CONSENT;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerName", customer.get().name());
    data.put("orderNumber", order.get().number());
    data.put("reviewUrl", deps.publicBaseUrl() + "/orders/" + orderId + "/review");
    deps.outbox().send(marketing(FLOW + "#" + orderId, "review-request", customer.get(), data));
    clear(item.due());
    return Outcome.PLANNED;
  }
}
