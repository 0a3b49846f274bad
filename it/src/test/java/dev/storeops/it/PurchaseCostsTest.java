package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.storeops.catalog.PurchaseCosts.Source;
import dev.storeops.catalog.dynamo.DynamoPurchaseCosts;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order line's cost is the purchase price of the supplier whose stock it reserved (the stock import's
 * {@code SUPPLIERPRICE#<supplier>} item), else the stock item's older {@code supplierPrice}.
 */
@WithAwsStack
class PurchaseCostsTest {

  private static void stock(AwsStack stack, String table, String sku, String warehouse, String supplier,
      Long supplierPrice) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.stockKey(sku, warehouse));
    item.put("onHand", Items.n(10));
    item.put("reserved", Items.n(0));
    item.put("available", Items.n(10));
    if (supplier != null) {
      item.put("supplierId", Items.s(supplier));
    }
    if (supplierPrice != null) {
      item.put("supplierPrice", Items.n(supplierPrice));
    }
    stack.dynamoDb().putItem(p -> p.tableName(table).item(item));
  }

  private static void purchasePrice(AwsStack stack, String table, String sku, String supplier, long minor) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.primaryKey(TableKeys.SKU.key(sku),
        "SUPPLIERPRICE#" + supplier));
    item.put("supplierId", Items.s(supplier));
    item.put("purchasePriceMinor", Items.n(minor));
    stack.dynamoDb().putItem(p -> p.tableName(table).item(item));
  }

  @Test
  void eachWarehouseCostsWhatItsSupplierCharges(AwsStack stack) {
    String table = stack.tableName("StoreTable");
    String sku = "PC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    stock(stack, table, sku, "saransk", "opt-1c", 500_00L);    // both: the purchase price column wins
    purchasePrice(stack, table, sku, "opt-1c", 420_00);
    stock(stack, table, sku, "tlt", "other", null);             // only the supplier's price item
    purchasePrice(stack, table, sku, "other", 455_50);
    stock(stack, table, sku, "msk-1", "legacy", 390_00L);       // only the older supplierPrice
    stock(stack, table, sku, "own", null, null);                // no price at all

    Map<Source, Long> costs = new DynamoPurchaseCosts(stack.dynamoDb(), table).unitCosts(List.of(
        new Source(sku, "saransk"), new Source(sku, "tlt"), new Source(sku, "msk-1"), new Source(sku, "own"),
        new Source(sku, "saransk")));

    assertEquals(420_00L, costs.get(new Source(sku, "saransk")));
    assertEquals(455_50L, costs.get(new Source(sku, "tlt")));
    assertEquals(390_00L, costs.get(new Source(sku, "msk-1")));
    assertFalse(costs.containsKey(new Source(sku, "own")), "unknown cost stays unknown, never 0");
  }
}
