package dev.storeops.catalog.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.StockJournal;
import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.errors.Invalid;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A SKU's movement journal: Query {@code pk = SKU#<sku>}, {@code begins_with(sk, MOVE#)}, newest first;
 * the cursor is the query's {@code LastEvaluatedKey} in the API's one codec ({@link PageCursor}), valid for
 * this SKU's journal only.
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
      builder.exclusiveStartKey(start(sku, cursor));
    }
    var page = dynamo.query(builder.build());
    String next = page.hasLastEvaluatedKey() ? PageCursor.encode(page.lastEvaluatedKey()) : null;
    return new Page(page.items().stream().map(StockLedgerItems::movement).toList(), next);
  }

  /** The query's start from a cursor of this SKU's journal; any other cursor is a 400 on {@code cursor}. */
  private static Map<String, AttributeValue> start(String sku, String cursor) {
    Map<String, AttributeValue> key = PageCursor.decode(cursor, List.of(TableKeys.PK, TableKeys.SK));
    if (key.size() != 2 || !TableKeys.SKU.key(sku).equals(key.get(TableKeys.PK).s())
        || !key.get(TableKeys.SK).s().startsWith(TableKeys.MOVE.text())) {
      throw Invalid.field("cursor", "is not a cursor this API returned");
    }
    return key;
  }
}
