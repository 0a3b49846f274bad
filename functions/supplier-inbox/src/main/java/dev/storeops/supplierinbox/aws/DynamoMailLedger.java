package dev.storeops.supplierinbox.aws;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.catalog.suppliers.IncomingKeys;
import dev.storeops.supplierinbox.core.MailLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per supplier mail (pk {@code SUPPLIERMAIL#<sha256 of the Message-ID>}, sk {@code SUPPLIERMAIL}),
 * claimed with a conditional put; a claim whose 150-second lease ran out (the function died) can be taken
 * again; kept 90 days (ttl).
 */
public final class DynamoMailLedger implements MailLedger {
  /** Longer than the function's 120 s timeout: a claim of a delivery that died is free for Lambda's second retry. */
  static final Duration LEASE = Duration.ofSeconds(150);
  static final Duration KEEP = Duration.ofDays(90);
  private static final String SK = "SUPPLIERMAIL";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoMailLedger(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  private static Map<String, AttributeValue> key(String mailId) {
    return TableKeys.primaryKey(TableKeys.SUPPLIER_MAIL.key(IncomingKeys.hash(mailId)), SK);
  }

  @Override
  public Claim claim(String mailId, String inboxKey, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(mailId));
    item.put("type", Items.s("SupplierMail"));
    item.put("status", Items.s("running"));
    item.put("inboxKey", Items.s(inboxKey));
    item.put("leaseUntil", Items.s(now.plus(LEASE).toString()));
    item.put("startedAt", Items.s(now.toString()));
    item.put(TableKeys.TTL, Items.n(now.plus(KEEP).getEpochSecond()));
    try {
      dynamo.putItem(b -> b.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk) OR (#s = :running AND leaseUntil < :now)")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":running", Items.s("running"), ":now", Items.s(now.toString()))));
      return Claim.CLAIMED;
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table).key(key(mailId))
          .consistentRead(true)).item();
      return existing != null && "running".equals(Items.str(existing, "status")) ? Claim.BUSY : Claim.DONE;
    }
  }

  @Override
  public void finish(String mailId, String status, List<String> keys, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":s", Items.s(status));
    values.put(":now", Items.s(now.toString()));
    values.put(":files", AttributeValue.fromL(keys.stream().map(Items::s).toList()));
    dynamo.updateItem(b -> b.tableName(table).key(key(mailId))
        .updateExpression("SET #s = :s, finishedAt = :now, files = :files REMOVE leaseUntil")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
  }

  @Override
  public void release(String mailId) {
    try {
      dynamo.deleteItem(b -> b.tableName(table).key(key(mailId))
          .conditionExpression("#s = :running")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":running", Items.s("running"))));
    } catch (ConditionalCheckFailedException e) {
      // finished meanwhile: nothing to give back
    }
  }
}
