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
 * Purchase cost of the units in a warehouse: the supplier's purchase price for the SKU ({@code SKU#<sku>} /
 * {@code SUPPLIERPRICE#<supplierId>}, {@code purchasePriceMinor}, written by the stock import from the
 * profile's {@code purchasePrice} column) of the supplier whose stock it is, else the stock item's
 * {@code supplierPrice} (the profile's older {@code price} column). Two BatchGetItem rounds at most: the
 * stock items an order reserves from (at most 30: 15 lines × 2 warehouses), then their suppliers' prices.
 */
public final class DynamoPurchaseCosts implements PurchaseCosts {
  private static final String SUPPLIER_PRICE = "SUPPLIERPRICE#";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPurchaseCosts(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Map<Source, Long> unitCosts(Collection<Source> sources) {
    Map<Source, Supplied> known = new HashMap<>();
    List<Source> unique = new ArrayList<>(new LinkedHashSet<>(sources));
    List<Map<String, AttributeValue>> stockKeys = unique.stream()
        .map(s -> TableKeys.stockKey(s.sku(), s.warehouse())).toList();
    for (var item : batchGet(stockKeys, "pk, sk, supplierPrice, supplierId")) {
      String sku = Items.str(item, "pk").substring(TableKeys.SKU.text().length());
      String warehouse = Items.str(item, "sk").substring(TableKeys.STOCK.text().length());
      known.put(new Source(sku, warehouse), supplied(item));
    }
    return unitCosts(sources, known);
  }

  /** What a stock item says about its units (its supplier and older price column). */
  public static Supplied supplied(Map<String, AttributeValue> stockItem) {
    AttributeValue price = stockItem.get("supplierPrice");
    String supplier = Items.str(stockItem, "supplierId");
    return new Supplied(supplier == null || supplier.isBlank() ? null : supplier,
        price != null && price.n() != null ? Long.valueOf(price.n()) : null);
  }

  /** With the stock items already read: one BatchGetItem for the suppliers' prices, none for the shop's own stock. */
  @Override
  public Map<Source, Long> unitCosts(Collection<Source> sources, Map<Source, Supplied> known) {
    Map<Source, Long> out = new HashMap<>();
    Map<Source, String> supplierOf = new HashMap<>();
    for (Source source : new LinkedHashSet<>(sources)) {
      Supplied s = known.get(source);
      if (s == null) {
        continue;
      }
      if (s.supplierPrice() != null) {
        out.put(source, s.supplierPrice());
      }
      if (s.supplierId() != null) {
        supplierOf.put(source, s.supplierId());
      }
    }
    if (supplierOf.isEmpty()) {
      return out;
    }
    List<Map<String, AttributeValue>> priceKeys = new ArrayList<>(new LinkedHashSet<>(supplierOf.entrySet().stream()
        .map(e -> TableKeys.primaryKey(TableKeys.SKU.key(e.getKey().sku()), SUPPLIER_PRICE + e.getValue()))
        .toList()));
    Map<String, Long> purchase = new HashMap<>();
    for (var item : batchGet(priceKeys, "pk, sk, purchasePriceMinor")) {
      AttributeValue price = item.get("purchasePriceMinor");
      if (price != null && price.n() != null) {
        purchase.put(Items.str(item, "pk") + "|" + Items.str(item, "sk"), Long.parseLong(price.n()));
      }
    }
    supplierOf.forEach((source, supplier) -> {
      Long price = purchase.get(TableKeys.SKU.key(source.sku()) + "|" + SUPPLIER_PRICE + supplier);
      if (price != null) {
        out.put(source, price);
      }
    });
    return out;
  }

  private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String projection) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += 100) {
      Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
          .keys(keys.subList(from, Math.min(from + 100, keys.size()))).projectionExpression(projection).build());
      while (!request.isEmpty()) {
        Map<String, KeysAndAttributes> ask = request;
        var response = dynamo.batchGetItem(b -> b.requestItems(ask));
        items.addAll(response.responses().getOrDefault(table, List.of()));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return items;
  }
}
