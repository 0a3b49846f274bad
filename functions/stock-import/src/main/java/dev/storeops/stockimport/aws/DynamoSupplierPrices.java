package dev.storeops.stockimport.aws;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stockimport.core.PriceLine;
import dev.storeops.stockimport.core.SupplierPriceStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Supplier prices ({@code SKU#<sku>} / {@code SUPPLIERPRICE#<supplierId>}, GSI1 {@code
 * SUPPLIERPRICE#<supplierId>} / {@code SKU#<sku>}) and shop-price changes: the product's {@code
 * priceMinor} ({@code SKU#<sku>} / {@code PRODUCT}) set under a condition on the price read, with a
 * price-history entry {@code SKU#<sku>} / {@code PRICE#<instant>#<supplier>} in the same transaction
 * (shapes in docs/data-model.md). Each changed supplier price also gets a journal entry {@code SKU#<sku>}
 * / {@code PRICELOG#<instant>#<supplier>} (the prices as set, the file) written with it.
 */
public final class DynamoSupplierPrices implements SupplierPriceStore {
  static final int MAX_ATTEMPTS = 5;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoSupplierPrices(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public static Map<String, AttributeValue> key(String sku, String supplierId) {
    return TableKeys.primaryKey(TableKeys.SKU.key(sku), "SUPPLIERPRICE#" + supplierId);
  }

  public static String supplierKey(String supplierId) {
    return "SUPPLIERPRICE#" + supplierId;
  }

  @Override
  public Map<String, PriceLine> supplierPrices(String supplierId) {
    Map<String, PriceLine> out = new HashMap<>();
    QueryRequest request = QueryRequest.builder().tableName(table).indexName(TableKeys.GSI1)
        .keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", Items.s(supplierKey(supplierId)))).build();
    for (var page : dynamo.queryPaginator(request)) {
      for (Map<String, AttributeValue> item : page.items()) {
        String sku = Items.str(item, "sku");
        out.put(sku, new PriceLine(sku, money(item, "purchasePriceMinor"), money(item, "retailPriceMinor"),
            money(item, "minRetailPriceMinor"), 0));
      }
    }
    return out;
  }

  private static Long money(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null || v.n() == null ? null : Long.parseLong(v.n());
  }

  @Override
  public void write(String supplierId, PriceLine prices, Instant now, String file) {
    Map<String, AttributeValue> item = new HashMap<>(key(prices.sku(), supplierId));
    item.put("type", Items.s("SupplierPrice"));
    item.put("sku", Items.s(prices.sku()));
    item.put("supplierId", Items.s(supplierId));
    item.put("currency", Items.s("RUB"));
    item.put(TableKeys.GSI1PK, Items.s(supplierKey(supplierId)));
    item.put(TableKeys.GSI1SK, Items.s(TableKeys.SKU.key(prices.sku())));
    item.put("file", Items.s(file));
    item.put("updatedAt", Items.s(now.toString()));
    if (prices.purchaseMinor() != null) {
      item.put("purchasePriceMinor", Items.n(prices.purchaseMinor()));
    }
    if (prices.retailMinor() != null) {
      item.put("retailPriceMinor", Items.n(prices.retailMinor()));
    }
    if (prices.minRetailMinor() != null) {
      item.put("minRetailPriceMinor", Items.n(prices.minRetailMinor()));
    }
    // the journal of this supplier's prices for the SKU (GET /staff/stock/{sku}/prices), in the same transaction
    Map<String, AttributeValue> entry = new HashMap<>(TableKeys.primaryKey(TableKeys.SKU.key(prices.sku()),
        TableKeys.PRICE_LOG.key(now + "#" + supplierId)));
    entry.put("type", Items.s("SupplierPriceEntry"));
    entry.put("sku", Items.s(prices.sku()));
    entry.put("supplierId", Items.s(supplierId));
    entry.put("currency", Items.s("RUB"));
    entry.put("file", Items.s(file));
    entry.put("at", Items.s(now.toString()));
    for (String money : new String[] {"purchasePriceMinor", "retailPriceMinor", "minRetailPriceMinor"}) {
      if (item.containsKey(money)) {
        entry.put(money, item.get(money));
      }
    }
    dynamo.transactWriteItems(t -> t.transactItems(
        TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry).build()).build()));
  }

  @Override
  public Optional<ShopPriceChange> setShopPrice(String sku, long priceMinor, String supplierId, Instant now,
      String file, String why) {
    Map<String, AttributeValue> productKey = TableKeys.primaryKey(TableKeys.SKU.key(sku), "PRODUCT");
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> product = dynamo.getItem(b -> b.tableName(table).key(productKey)
          .consistentRead(true)).item();
      if (product == null || product.isEmpty()) {
        return Optional.empty();
      }
      Long old = money(product, "priceMinor");
      if (old != null && old == priceMinor) {
        return Optional.empty();
      }
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":p", Items.n(priceMinor));
      values.put(":now", Items.s(now.toString()));
      String condition = "attribute_exists(pk) AND ";
      if (old == null) {
        condition += "attribute_not_exists(priceMinor)";
      } else {
        condition += "priceMinor = :old";
        values.put(":old", Items.n(old));
      }
      Map<String, AttributeValue> history = new HashMap<>(TableKeys.primaryKey(TableKeys.SKU.key(sku),
          "PRICE#" + now + "#" + supplierId));
      history.put("type", Items.s("PriceChange"));
      history.put("sku", Items.s(sku));
      if (old != null) {
        history.put("oldPriceMinor", Items.n(old));
      }
      history.put("newPriceMinor", Items.n(priceMinor));
      history.put("currency", Items.s("RUB"));
      history.put("source", Items.s("supplier:" + supplierId));
      history.put("file", Items.s(file));
      history.put("why", Items.s(why));
      history.put("at", Items.s(now.toString()));
      try {
        String cond = condition;
        dynamo.transactWriteItems(t -> t.transactItems(
            TransactWriteItem.builder().update(Update.builder().tableName(table).key(productKey)
                .updateExpression("SET priceMinor = :p, updatedAt = :now").conditionExpression(cond)
                .expressionAttributeValues(values).build()).build(),
            TransactWriteItem.builder().put(Put.builder().tableName(table).item(history).build()).build()));
        return Optional.of(new ShopPriceChange(sku, old, priceMinor));
      } catch (TransactionCanceledException e) {
        boolean conflict = e.cancellationReasons().stream()
            .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code()));
        if (!conflict) {
          throw e;
        }
      }
    }
    throw new IllegalStateException("shop price of " + sku + " kept changing; gave up after " + MAX_ATTEMPTS
        + " attempts");
  }
}
