package dev.storeops.reporting.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The expiry index's writes (docs/reports.md), kept apart from {@link DynamoReportStore}'s reads: only
 * the reports-stream function maintains the index, so only it reaches this class's {@code DeleteItem}
 * (the IAM template check derives each function's DynamoDB actions from the classes it reaches).
 */
final class DynamoExpiryIndex {
  private final DynamoDbClient dynamo;
  private final String table;

  DynamoExpiryIndex(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * Keeps the expiry index in step with one stock item change: removes the old date's entry when the
   * date changed or the item is gone, writes the current entry (Put: redelivery rewrites the same item).
   */
  public void apply(Map<String, AttributeValue> oldItem, Map<String, AttributeValue> newItem) {
    LocalDate oldDate = date(oldItem);
    LocalDate newDate = date(newItem);
    if (oldDate != null && !oldDate.equals(newDate)) {
      dynamo.deleteItem(d -> d.tableName(table).key(DynamoReportStore.expiryKey(oldDate, Items.str(oldItem, "sku"),
          Items.str(oldItem, "warehouse"))));
    }
    if (newDate == null) {
      return;
    }
    if (newDate.equals(oldDate) && Items.num(oldItem, "available", 0) == Items.num(newItem, "available", 0)
        && Items.num(oldItem, "onHand", 0) == Items.num(newItem, "onHand", 0)
        && Objects.equals(Items.str(oldItem, "supplierId"), Items.str(newItem, "supplierId"))) {
      return; // nothing the index shows changed
    }
    String sku = Items.str(newItem, "sku");
    String warehouse = Items.str(newItem, "warehouse");
    Map<String, AttributeValue> entry = new HashMap<>(DynamoReportStore.expiryKey(newDate, sku, warehouse));
    entry.put("type", s("ExpiryEntry"));
    entry.put("sku", s(sku));
    entry.put("warehouse", s(warehouse));
    entry.put("expiresAt", s(newDate.toString()));
    entry.put("available", Items.n(Items.num(newItem, "available", 0)));
    entry.put("onHand", Items.n(Items.num(newItem, "onHand", 0)));
    Items.putIfPresent(entry, "supplierId", Items.str(newItem, "supplierId"));
    dynamo.putItem(p -> p.tableName(table).item(entry));
  }

  private static LocalDate date(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      return null;
    }
    String v = Items.str(item, "expiresAt");
    try {
      return v == null || v.isBlank() ? null : LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
