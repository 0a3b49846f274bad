package dev.storeops.catalog.dynamo;

import dev.storeops.catalog.PurchaseCosts;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Purchase cost from the stock item's {@code supplierPrice} (written by the stock import): one
 * BatchGetItem of the stock items an order reserves from (at most 30: 15 lines × 2 warehouses).
 */
public final class DynamoPurchaseCosts implements PurchaseCosts {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPurchaseCosts(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Map<Source, Long> unitCosts(Collection<Source> sources) {
    Map<Source, Long> out = new HashMap<>();
    List<Source> unique = new ArrayList<>(new LinkedHashSet<>(sources));
    for (int from = 0; from < unique.size(); from += 100) {
      List<Map<String, AttributeValue>> keys = unique.subList(from, Math.min(from + 100, unique.size())).stream()
          .map(s -> TableKeys.stockKey(s.sku(), s.warehouse())).toList();
      Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
          .projectionExpression("pk, sk, supplierPrice").build());
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> ask = request;
        var response = dynamo.batchGetItem(b -> b.requestItems(ask));
        for (var item : response.responses().getOrDefault(table, List.of())) {
          AttributeValue price = item.get("supplierPrice");
          if (price != null && price.n() != null) {
            String sku = Items.str(item, "pk").substring(TableKeys.SKU.text().length());
            String warehouse = Items.str(item, "sk").substring(TableKeys.STOCK.text().length());
            out.put(new Source(sku, warehouse), Long.parseLong(price.n()));
          }
        }
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return out;
  }
}
