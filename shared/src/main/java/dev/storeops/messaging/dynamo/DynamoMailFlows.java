package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.flows.DueRef;
import dev.storeops.messaging.flows.MailFlowRules;
import dev.storeops.messaging.flows.MailFlows;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.ordering.Order;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The per-customer state of the order-driven mail flows and their due-work items:
 *
 * <ul>
 *   <li>{@code CUSTOMER#<id> / MAILFLOW#reorder}: {@code lastOrderId}, {@code lastOrderAt}, {@code
 *       orderCount}, {@code intervalDays}; due (kind {@code reorder}) at the last order + interval, only
 *       with at least 2 orders.
 *   <li>{@code CUSTOMER#<id> / MAILFLOW#reactivation}: {@code lastOrderId}, {@code lastOrderAt}, {@code
 *       step} (the next step to send); due (kind {@code reactivation}) at the last order + 90 days; GSI1
 *       {@code LASTORDER#<UTC day of the last order> / CUSTOMER#<id>} (segment "ordered in the last N days").
 * </ul>
 *
 * Both are recomputed from the customer's whole order history after each order and written only when
 * their {@code lastOrderAt} moves forward (condition), so a redelivered or late order event changes
 * nothing and never resets a chain that later orders already moved.
 */
public final class DynamoMailFlows implements MailFlows {

  private final DynamoDbClient dynamo;
  private final String table;
  private final DueWorkStore due;

  /** {@code clock}: the due-work index's clock (this class only writes due work, it never reads "now"). */
  public DynamoMailFlows(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.due = new DueWorkStore(dynamo, table, clock);
  }

  /** For callers outside messaging that have no clock at hand: writes only, so the system clock is never read. */
  public DynamoMailFlows(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  public static Map<String, AttributeValue> flowKey(String customerId, String flow) {
    return TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), TableKeys.MAIL_FLOW.key(flow));
  }

  /** Recomputes both flows from the customer's orders (any order). */
  @Override
  public Recorded recordOrders(String customerId, List<Order> orders) {
    if (orders.isEmpty()) {
      return new Recorded(false, false, null, null);
    }
    Order last = orders.stream().max((a, b) -> a.createdAt().compareTo(b.createdAt())).orElseThrow();
    List<Instant> times = orders.stream().map(Order::createdAt).toList();
    Optional<Duration> interval = MailFlowRules.reorderInterval(times);
    Instant reorderDue = interval.map(i -> last.createdAt().plus(i)).orElse(null);
    Instant reactivationDue = MailFlowRules.reactivationStart(last.createdAt());

    Map<String, AttributeValue> reorder = base(customerId, REORDER, last);
    reorder.put("orderCount", Items.n(orders.size()));
    if (reorderDue != null) {
      reorder.put("intervalDays", Items.n(interval.get().toDays()));
      reorder.putAll(DueWorkStore.dueAttributes(REORDER, reorderDue, customerId));
      due.announce(REORDER, reorderDue);
    }
    Map<String, AttributeValue> reactivation = base(customerId, REACTIVATION, last);
    reactivation.put("step", Items.n(1));
    // the last-order-day index of the campaign segment "ordered in the last N days" (DynamoOrderSegments)
    reactivation.put(TableKeys.GSI1PK, s(DynamoOrderSegments.lastOrderPartition(DueWork.day(last.createdAt()))));
    reactivation.put(TableKeys.GSI1SK, s(TableKeys.CUSTOMER.key(customerId)));
    reactivation.putAll(DueWorkStore.dueAttributes(REACTIVATION, reactivationDue, customerId));
    due.announce(REACTIVATION, reactivationDue);
    return new Recorded(putIfNewer(reorder, last.createdAt()), putIfNewer(reactivation, last.createdAt()),
        reorderDue, reactivationDue);
  }

  private static Map<String, AttributeValue> base(String customerId, String flow, Order last) {
    Map<String, AttributeValue> item = new HashMap<>(flowKey(customerId, flow));
    item.put("type", s("MailFlow"));
    item.put("flow", s(flow));
    item.put("customerId", s(customerId));
    item.put("lastOrderId", s(last.id()));
    item.put("lastOrderAt", s(last.createdAt().toString()));
    return item;
  }

  private boolean putIfNewer(Map<String, AttributeValue> item, Instant lastOrderAt) {
    try {
      dynamo.putItem(p -> p.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk) OR lastOrderAt < :last")
          .expressionAttributeValues(Map.of(":last", s(lastOrderAt.toString()))));
      return true;
    } catch (ConditionalCheckFailedException alreadyRecorded) {
      return false;
    }
  }

  /** A flow item, or empty. */
  public Optional<Map<String, AttributeValue>> find(String customerId, String flow) {
    var item = dynamo.getItem(g -> g.tableName(table).key(flowKey(customerId, flow)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** The creation time of the customer's newest order (GSI1 {@code CUSTOMER#<id>}, one item), or null. */
  @Override
  public Instant latestOrderAt(String customerId) {
    var page = dynamo.query(q -> q.tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.CUSTOMER.key(customerId)), ":prefix", s(TableKeys.ORDER.text())))
        .scanIndexForward(false).limit(1));
    return page.items().isEmpty() ? null : Instant.parse(Items.str(page.items().get(0), "createdAt"));
  }

  private static Map<String, AttributeValue> key(DueRef item) {
    return TableKeys.primaryKey(item.pk(), item.sk());
  }

  /** Takes the item out of the due index, if it is still due at its {@code dueSk}; false when it moved. */
  @Override
  public boolean clearDue(DueRef item) {
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(item))
          .updateExpression("REMOVE duePk, dueSk")
          .conditionExpression("dueSk = :sk")
          .expressionAttributeValues(Map.of(":sk", s(item.dueSk()))));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  /** Moves a still-due item (at {@code dueSk}) to {@code at} with {@code step}; false when it moved meanwhile. */
  @Override
  public boolean moveDue(DueRef item, String kind, Instant at, String id, int step) {
    due.announce(kind, at);
    Map<String, AttributeValue> values = new HashMap<>(DueWorkStore.dueAttributes(kind, at, id));
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(item))
          .updateExpression("SET duePk = :pk, dueSk = :newSk, step = :step")
          .conditionExpression("dueSk = :sk")
          .expressionAttributeValues(Map.of(":sk", s(item.dueSk()), ":pk", values.get(TableKeys.DUE_PK),
              ":newSk", values.get(TableKeys.DUE_SK), ":step", Items.n(step))));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }
}
