package dev.storeops.messaging.flows;

import dev.storeops.customers.Customer;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.messaging.dynamo.DynamoReviewRequests;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStore;
import dev.storeops.platform.dynamo.Items;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Review request: {@code ORDER#<id> / REVIEWREQ} (written by {@link DynamoReviewRequests#scheduleAfterDelivery}
 * on delivery) is due at the delivery; this job reads the index with a clock lagged by {@code
 * REVIEW_REQUEST_DAYS} (default 7). One per order: {@code review-request#<orderId>}.
 */
public final class ReviewRequestJob extends DueMailJob {
  static final String FLOW = "review-request";
  private final OrderStore orders;

  ReviewRequestJob(Deps deps, DueWorkStore laggedDue, OrderStore orders) {
    super(deps, laggedDue, DynamoReviewRequests.KIND, FLOW);
    this.orders = orders;
  }

  @Override
  Outcome handle(Map<String, AttributeValue> item) {
    String orderId = Items.str(item, "orderId");
    Optional<Order> order = orders.find(orderId);
    if (order.isEmpty()) {
      clear(item);
      return Outcome.GONE;
    }
    Optional<Customer> customer = consenting(order.get().customerId());
    if (customer.isEmpty()) {
      clear(item);
      return Outcome.NO_CONSENT;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerName", customer.get().name());
    data.put("orderNumber", order.get().number());
    data.put("reviewUrl", deps.publicBaseUrl() + "/orders/" + orderId + "/review");
    deps.outbox().send(marketing(FLOW + "#" + orderId, "review-request", customer.get(), data));
    clear(item);
    return Outcome.PLANNED;
  }
}
