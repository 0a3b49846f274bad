package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.flows.ReviewRequestFlow;
import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The review-request flow's entry point, to be called by the order's deliver transition: writes
 * {@code ORDER#<id> / REVIEWREQ} (once per order), in the due index (kind {@code review-request}) at
 * the delivery time. The scheduler's {@code review-requests} job reads it with a clock lagged by
 * {@code REVIEW_REQUEST_DAYS} (default 7), so the mail goes N days after delivery and changing N
 * applies to orders already delivered.
 */
public final class DynamoReviewRequests {
  public static final String KIND = ReviewRequestFlow.KIND;
  /** The sort key of an order's review-request item. */
  static final String SK = "REVIEWREQ";
  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  /** {@code clock}: the due-work index's clock (this class only writes due work, it never reads "now"). */
  public DynamoReviewRequests(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = new DueWorkStore(dynamo, table, clock);
  }

  /** For callers outside messaging that have no clock at hand: writes only, so the system clock is never read. */
  public DynamoReviewRequests(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(String orderId) {
    return TableKeys.primaryKey(TableKeys.ORDER.key(orderId), SK);
  }

  /**
   * Schedules the review request of a delivered order; idempotent (a second call for the order
   * changes nothing and returns false).
   */
  public boolean scheduleAfterDelivery(String orderId, String customerId, Instant deliveredAt) {
    due.announce(KIND, deliveredAt);
    var item = new HashMap<>(key(orderId));
    item.put("type", s("ReviewRequest"));
    item.put("orderId", s(orderId));
    item.put("customerId", s(customerId));
    item.putAll(TableKeys.aboutCustomer(customerId, TableKeys.REVIEW_REQUEST, orderId));
    item.put("deliveredAt", s(deliveredAt.toString()));
    item.putAll(DueWorkStore.dueAttributes(KIND, deliveredAt, orderId));
    try {
      dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException already) {
      return false;
    }
  }
}
