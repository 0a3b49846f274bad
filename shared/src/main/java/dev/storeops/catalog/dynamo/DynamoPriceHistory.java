package dev.storeops.catalog.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.catalog.PriceHistory;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A SKU's price records as the stock import writes them, on the SKU's partition: supplier-price journal
 * entries {@code PRICELOG#<instant>#<supplier>}, current supplier prices {@code SUPPLIERPRICE#<supplier>},
 * shop-price changes {@code PRICE#<instant>#<supplier>} — one Query per kind ({@code begins_with(sk, …)}).
 */
public final class DynamoPriceHistory implements PriceHistory {
  private static final String SUPPLIER_PRICE = "SUPPLIERPRICE#";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPriceHistory(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  private List<Map<String, AttributeValue>> items(String sku, String prefix) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(Map.of(":pk", s(TableKeys.SKU.key(sku)), ":prefix", s(prefix))))
        .items().forEach(out::add);
    return out;
  }

  private static Long money(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? null : Long.parseLong(v.n());
  }

  private static SupplierPrices prices(Map<String, AttributeValue> item, String at, boolean journal) {
    return new SupplierPrices(Items.instant(item, at), Items.str(item, "supplierId"), money(item, "purchasePriceMinor"),
        money(item, "retailPriceMinor"), money(item, "minRetailPriceMinor"), Items.str(item, "file"), journal);
  }

  @Override
  public List<SupplierPrices> supplierJournal(String sku) {
    return items(sku, TableKeys.PRICE_LOG.text()).stream().map(i -> prices(i, "at", true)).toList();
  }

  @Override
  public List<SupplierPrices> currentSupplierPrices(String sku) {
    return items(sku, SUPPLIER_PRICE).stream().map(i -> prices(i, "updatedAt", false)).toList();
  }

  @Override
  public List<ShopPriceChange> shopPriceChanges(String sku) {
    return items(sku, TableKeys.SHOP_PRICE_CHANGE.text()).stream().map(i -> new ShopPriceChange(Items.instant(i, "at"),
        money(i, "oldPriceMinor"), money(i, "newPriceMinor") == null ? 0 : money(i, "newPriceMinor"),
        Items.str(i, "source"), Items.str(i, "file"), Items.str(i, "why"))).toList();
  }
}
