package dev.storeops.reporting.dynamo;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.reporting.SupplierTerms;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The suppliers' purchase terms in the table: one item per supplier in the partition {@value
 * TableKeys#SUPPLIER_TERMS} (sort key the supplier id, {@code leadTimeDays}, {@code recordedAt}), written by
 * stock-import each time it reads the supplier's profile for an import and each time a profile is saved in the
 * supplier bucket ({@code profiles/<id>.json}), read by the purchase list (scheduler, staff-api) without the
 * supplier bucket (docs/reports.md#purchase-list).
 */
public final class DynamoSupplierTerms implements SupplierTerms, SupplierTerms.Recorder {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoSupplierTerms(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public void record(String supplierId, int leadTimeDays) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.primaryKey(TableKeys.SUPPLIER_TERMS, supplierId));
    item.put("supplierId", Items.s(supplierId));
    item.put("leadTimeDays", AttributeValue.fromN(Integer.toString(leadTimeDays)));
    item.put("recordedAt", Items.s(clock.instant().toString()));
    dynamo.putItem(p -> p.tableName(table).item(item));
  }

  @Override
  public List<String> suppliers() {
    List<String> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", Items.s(TableKeys.SUPPLIER_TERMS)))
          .projectionExpression("sk").exclusiveStartKey(from));
      page.items().forEach(i -> out.add(Items.str(i, "sk")));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }

  @Override
  public Optional<Integer> leadTimeDays(String supplierId) {
    Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
        .key(TableKeys.primaryKey(TableKeys.SUPPLIER_TERMS, supplierId))).item();
    if (item == null || item.isEmpty() || !item.containsKey("leadTimeDays")) {
      return Optional.empty();
    }
    return Optional.of((int) Items.num(item, "leadTimeDays", 0));
  }
}
