package dev.storeops.ordering.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.PersonalData;
import dev.storeops.ordering.OrderAnonymisation;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.platform.dynamo.AboutCustomer;
import dev.storeops.platform.dynamo.Attr;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A customer's orders and carts (docs/privacy.md). Export: every order with what fulfilment keeps on
 * it (calls, payments, shipment), and the carts. Erasure: refused while an order is in progress;
 * orders rewritten by {@link OrderAnonymisation} and moved to the erased reference's GSI1 partition
 * (conditioned on the item as read; decided again when it changed); carts deleted.
 */
public final class DynamoOrderPersonalData implements PersonalData {
  private static final Set<String> INDEX_KEYS = Set.of(TableKeys.PK, TableKeys.SK, TableKeys.GSI1PK, TableKeys.GSI1SK,
      TableKeys.GSI2PK, TableKeys.GSI2SK, TableKeys.DUE_PK, TableKeys.DUE_SK, TableKeys.TTL);
  private static final int ATTEMPTS = 5;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoOrderPersonalData(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Map<String, Object> export(Customer customer) {
    Map<String, Object> sections = new LinkedHashMap<>();
    sections.put("orders", orders(customer.id()).stream().map(item -> {
      Map<String, Object> order = AboutCustomer.plain(item);
      order.remove("accessTokenHash");
      return order;
    }).toList());
    sections.put("carts", AboutCustomer.items(dynamo, table, customer.id(), TableKeys.CART).stream()
        .map(AboutCustomer::plain).toList());
    return sections;
  }

  @Override
  public List<String> erasureBlockers(Customer customer) {
    List<String> blockers = new ArrayList<>();
    for (var item : orders(customer.id())) {
      OrderStatus status = OrderStatus.valueOf(Items.str(item, "status"));
      if (status.open()) {
        blockers.add("order " + Items.str(item, "number") + " (" + Items.str(item, "id") + ") is " + status);
      }
    }
    return blockers;
  }

  @Override
  public Map<String, Integer> erase(Customer customer, String reference) {
    int orders = 0;
    for (var item : orders(customer.id())) {
      anonymise(item, customer.id(), reference);
      orders++;
    }
    List<Map<String, AttributeValue>> carts = AboutCustomer.items(dynamo, table, customer.id(), TableKeys.CART);
    carts.forEach(cart -> dynamo.deleteItem(d -> d.tableName(table).key(AboutCustomer.key(cart))));
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("orders", orders);
    counts.put("carts", carts.size());
    return counts;
  }

  private List<Map<String, AttributeValue>> orders(String customerId) {
    return AboutCustomer.items(dynamo, table, customerId, TableKeys.ORDER);
  }

  private void anonymise(Map<String, AttributeValue> read, String customerId, String reference) {
    Map<String, AttributeValue> item = read;
    for (int attempt = 1; ; attempt++) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      item.forEach((k, v) -> {
        if (!INDEX_KEYS.contains(k)) {
          attributes.put(k, Attr.java(v));
        }
      });
      Map<String, AttributeValue> next = new HashMap<>();
      item.forEach((k, v) -> {
        if (INDEX_KEYS.contains(k)) {
          next.put(k, v);
        }
      });
      OrderAnonymisation.anonymise(attributes, reference).forEach((k, v) -> next.put(k, Attr.of(v)));
      next.put(TableKeys.GSI1PK, s(TableKeys.CUSTOMER.key(reference)));
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":customer", s(customerId));
      String condition = "customerId = :customer";
      if (item.containsKey("updatedAt")) {
        condition += " AND updatedAt = :updated";
        values.put(":updated", item.get("updatedAt"));
      }
      if (item.containsKey("rev")) {
        condition += " AND rev = :rev";
        values.put(":rev", item.get("rev"));
      }
      String when = condition;
      try {
        dynamo.putItem(p -> p.tableName(table).item(next).conditionExpression(when).expressionAttributeValues(values));
        return;
      } catch (ConditionalCheckFailedException changed) {
        var again = dynamo.getItem(g -> g.tableName(table).key(AboutCustomer.key(read)).consistentRead(true)).item();
        if (again == null || again.isEmpty() || !customerId.equals(Items.str(again, "customerId"))) {
          return; // gone, or anonymised by a concurrent run
        }
        if (attempt >= ATTEMPTS) {
          throw changed;
        }
        item = again;
      }
    }
  }
}
