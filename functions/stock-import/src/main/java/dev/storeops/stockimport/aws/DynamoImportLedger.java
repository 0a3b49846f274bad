package dev.storeops.stockimport.aws;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stockimport.core.ImportLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per imported S3 object (pk {@code IMPORT#<bucket>/<key>/<version or eTag>/<sequencer>},
 * sk {@code IMPORT}), claimed with a conditional put; a claim whose lease ran out (the function died)
 * can be taken again; kept 30 days (ttl).
 */
public final class DynamoImportLedger implements ImportLedger {
  private static final Duration KEEP = Duration.ofDays(30);
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoImportLedger(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  private static Map<String, AttributeValue> key(String id) {
    return TableKeys.primaryKey(TableKeys.IMPORT_RUN.key(id), "IMPORT");
  }

  @Override
  public Claim claim(String id, Instant now, Duration lease) {
    Map<String, AttributeValue> item = new HashMap<>(key(id));
    item.put("type", Items.s("StockImport"));
    item.put("status", Items.s("running"));
    item.put("leaseUntil", Items.s(now.plus(lease).toString()));
    item.put("startedAt", Items.s(now.toString()));
    item.put(TableKeys.TTL, Items.n(now.plus(KEEP).getEpochSecond()));
    try {
      dynamo.putItem(b -> b.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk) OR (#s = :running AND leaseUntil < :now)")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":running", Items.s("running"), ":now", Items.s(now.toString()))));
      return Claim.ACQUIRED;
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true))
          .item();
      return existing != null && "running".equals(Items.str(existing, "status")) ? Claim.BUSY : Claim.DONE;
    }
  }

  @Override
  public void complete(String id, String status, String reportKey, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":s", Items.s(status));
    values.put(":now", Items.s(now.toString()));
    String set = "SET #s = :s, finishedAt = :now REMOVE leaseUntil";
    if (reportKey != null) {
      set = "SET #s = :s, finishedAt = :now, report = :r REMOVE leaseUntil";
      values.put(":r", Items.s(reportKey));
    }
    String expression = set;
    dynamo.updateItem(b -> b.tableName(table).key(key(id)).updateExpression(expression)
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
  }

  @Override
  public void release(String id) {
    dynamo.deleteItem(b -> b.tableName(table).key(key(id))
        .conditionExpression("#s = :running")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":running", Items.s("running"))));
  }
}
