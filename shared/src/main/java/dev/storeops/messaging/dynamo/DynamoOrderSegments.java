package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.campaigns.OrderSegmentIndex;
import dev.storeops.messaging.flows.CategoryBuyers;
import dev.storeops.messaging.campaigns.OrderSegments;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The order segments' indexes, written after each order (order-events), read by campaign preview and
 * planning — never a scan:
 *
 * <ul>
 *   <li>category buyers: {@code BUYERS#<category key> / CUSTOMER#<id>} ({@code customerId}, {@code
 *       lastBoughtAt}); segment = a paged Query of the pk.
 *   <li>last order day: the reactivation flow item {@code CUSTOMER#<id> / MAILFLOW#reactivation} carries
 *       GSI1 {@code LASTORDER#<UTC yyyy-MM-dd> / CUSTOMER#<id>} of the customer's last order (moved by
 *       each newer order, so one entry per customer); "ordered in the last N days" = one GSI1 Query per
 *       day from now − N to today, filtered on {@code lastOrderAt ≥ now − N days}.
 * </ul>
 *
 * The customers' profiles are then read with BatchGetItem (100 keys a call).
 */
public final class DynamoOrderSegments implements CategoryBuyers, OrderSegmentIndex {
  private static final int BATCH = 100;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoOrderSegments(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public static String lastOrderPartition(LocalDate day) {
    return TableKeys.LAST_ORDER.key(day);
  }

  /** Records that the customer bought in the category at {@code at} (kept when a later purchase is recorded). */
  @Override
  public void recordBuyer(String customerId, String category, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableKeys.PK, s(TableKeys.BUYERS.key(OrderSegments.categoryKey(category))));
    item.put(TableKeys.SK, s(TableKeys.CUSTOMER.key(customerId)));
    item.put("type", s("CategoryBuyer"));
    item.put("customerId", s(customerId));
    item.put("lastBoughtAt", s(at.toString()));
    item.putAll(TableKeys.aboutCustomer(customerId, TableKeys.BUYERS, OrderSegments.categoryKey(category)));
    try {
      dynamo.putItem(p -> p.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk) OR lastBoughtAt < :at")
          .expressionAttributeValues(Map.of(":at", s(at.toString()))));
    } catch (ConditionalCheckFailedException laterRecorded) {
      // a later purchase in this category is already recorded
    }
  }

  /** The ids of the segment's customers (each once). */
  public Set<String> customerIds(OrderSegments.Segment segment, Instant now) {
    Set<String> ids = new LinkedHashSet<>();
    if (OrderSegments.BOUGHT_IN_CATEGORY.equals(segment.type())) {
      dynamo.queryPaginator(q -> q.tableName(table)
              .keyConditionExpression("pk = :pk")
              .expressionAttributeValues(Map.of(":pk", s(TableKeys.BUYERS.key(segment.category())))))
          .items().forEach(i -> ids.add(Items.str(i, "customerId")));
      return ids;
    }
    Instant since = segment.since(now);
    String sinceText = since.toString();
    for (LocalDate day = DueWork.day(since); !day.isAfter(DueWork.day(now)); day = day.plusDays(1)) {
      String pk = lastOrderPartition(day);
      dynamo.queryPaginator(q -> q.tableName(table).indexName(TableKeys.GSI1)
              .keyConditionExpression("gsi1pk = :pk")
              .filterExpression("lastOrderAt >= :since")
              .expressionAttributeValues(Map.of(":pk", s(pk), ":since", s(sinceText))))
          .items().forEach(i -> ids.add(Items.str(i, "customerId")));
    }
    return ids;
  }

  /** The segment's customers (profiles read in batches); customers without a profile are left out. */
  @Override
  public void forEach(OrderSegments.Segment segment, Instant now, Consumer<Customer> action) {
    List<String> ids = new ArrayList<>(customerIds(segment, now));
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
          .map(id -> TableKeys.primaryKey(TableKeys.CUSTOMER.key(id), "PROFILE")).toList();
      Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> current = request;
        var response = dynamo.batchGetItem(b -> b.requestItems(current));
        response.responses().getOrDefault(table, List.of())
            .forEach(item -> action.accept(DynamoCustomerStore.fromItem(item)));
        request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
      }
    }
  }
}
