package dev.storeops.catalog.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.StockJournal;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A SKU's movement journal: Query {@code pk = SKU#<sku>}, {@code begins_with(sk, MOVE#)}, newest first;
 * the cursor is the last entry's sort key (URL-safe base64).
 */
public final class DynamoStockJournal implements StockJournal {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoStockJournal(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Page movements(String sku, int limit, String cursor) {
    var builder = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :move)")
        .expressionAttributeValues(Map.of(":pk", s(TableKeys.SKU.key(sku)), ":move", s(TableKeys.MOVE.text())))
        .scanIndexForward(false).limit(limit);
    if (cursor != null) {
      builder.exclusiveStartKey(TableKeys.primaryKey(TableKeys.SKU.key(sku), decode(cursor)));
    }
    var page = dynamo.query(builder.build());
    String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
        ? encode(page.lastEvaluatedKey().get(TableKeys.SK)) : null;
    return new Page(page.items().stream().map(StockLedgerItems::movement).toList(), next);
  }

  private static String encode(AttributeValue sk) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sk.s().getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      String sk = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!sk.startsWith(TableKeys.MOVE.text())) {
        throw new IllegalArgumentException("not a journal key");
      }
      return sk;
    } catch (IllegalArgumentException e) {
      throw Invalid.field("cursor", "is not a cursor this API returned");
    }
  }
}
