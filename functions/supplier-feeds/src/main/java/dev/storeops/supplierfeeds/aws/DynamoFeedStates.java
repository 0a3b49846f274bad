package dev.storeops.supplierfeeds.aws;

import dev.storeops.platform.dynamo.InstantClaim;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.supplierfeeds.core.FeedState;
import dev.storeops.supplierfeeds.core.FeedStates;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One item per feed: pk {@code SUPPLIERFEED#<supplierId>}, sk {@code FEED}. */
public final class DynamoFeedStates implements FeedStates {
  private static final String SK = "FEED";
  private final DynamoDbClient dynamo;
  private final String table;
  private final InstantClaim attempts;

  public DynamoFeedStates(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
    this.attempts = new InstantClaim(dynamo, table, "lastAttemptAt");
  }

  private static Map<String, AttributeValue> key(String supplierId) {
    return TableKeys.primaryKey(TableKeys.SUPPLIER_FEED.key(supplierId), SK);
  }

  @Override
  public FeedState get(String supplierId) {
    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(supplierId)).consistentRead(true))
        .item();
    if (item == null || item.isEmpty()) {
      return FeedState.none(supplierId);
    }
    String last = Items.str(item, "lastAttemptAt");
    return new FeedState(supplierId, Items.str(item, "url"), last == null ? null : Instant.parse(last),
        Items.str(item, "etag"), Items.str(item, "lastModified"), Items.str(item, "sha256"),
        Items.str(item, "lastStatus"), Items.str(item, "lastKey"));
  }

  @Override
  public boolean claim(String supplierId, Instant previous, Instant now) {
    return attempts.claim(key(supplierId), previous, now,
        Map.of("type", Items.s("SupplierFeed"), "supplierId", Items.s(supplierId)));
  }

  @Override
  public void save(FeedState s) {
    Map<String, AttributeValue> item = new HashMap<>(key(s.supplierId()));
    item.put("type", Items.s("SupplierFeed"));
    item.put("supplierId", Items.s(s.supplierId()));
    Items.putIfPresent(item, "url", s.url());
    Items.putIfPresent(item, "lastAttemptAt", s.lastAttemptAt() == null ? null : s.lastAttemptAt().toString());
    Items.putIfPresent(item, "etag", s.etag());
    Items.putIfPresent(item, "lastModified", s.lastModified());
    Items.putIfPresent(item, "sha256", s.sha256());
    Items.putIfPresent(item, "lastStatus", s.lastStatus());
    Items.putIfPresent(item, "lastKey", s.lastKey());
    dynamo.putItem(b -> b.tableName(table).item(item));
  }
}
