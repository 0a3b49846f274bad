package dev.storeops.it;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.Hold;
import dev.storeops.catalog.StockMovement;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.catalog.dynamo.DynamoStockJournal;
import dev.storeops.catalog.dynamo.StockLedgerItems;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.fulfilment.RepairStockLedger;
import dev.storeops.fulfilment.dynamo.DynamoShortStock;
import dev.storeops.fulfilment.dynamo.DynamoStockRepair;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The repair of rows inflated by the old ledger (reserved only grew): reserved becomes what the open
 * orders hold, each correction is journaled, a second run corrects nothing.
 */
@WithAwsStack
class RepairStockLedgerTest {

  /** The row is put as an older version wrote it (not listed): the open orders that hold it bring it in. */
  @Test
  void inflatedRowsGetTheReservedOfTheOpenOrdersAndTheRepairIsJournaled(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(10);
    Order a = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 2);
    Order legacy = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 3);
    // an order placed before holds existed, and 4 units of a shipped order never consumed: reserved 9
    stack.dynamoDb().deleteItem(b -> b.tableName(w.table).key(TableKeys.holdKey(sku, "msk-1", legacy.id())));
    stack.dynamoDb().updateItem(b -> b.tableName(w.table).key(TableKeys.stockKey(sku, "msk-1"))
        .updateExpression("SET reserved = :r, available = :a")
        .expressionAttributeValues(Map.of(":r", Items.n(9), ":a", Items.n(1))));

    w.clock.advance(java.time.Duration.ofSeconds(1)); // the journal orders entries by their instant
    RepairStockLedger repair = new RepairStockLedger(new DynamoStockRepair(stack.dynamoDb(), w.table, w.clock),
        new FlagShortOrders(new DynamoShortStock(stack.dynamoDb(), w.table, w.clock), w.c.tasks()), w.clock);
    List<RepairStockLedger.Correction> corrected = repair.repair("staff-anna").stream()
        .filter(c -> c.sku().equals(sku)).toList();
    assertEquals(List.of(new RepairStockLedger.Correction(sku, "msk-1", 10, 9, 5, 1, 5)), corrected);
    assertEquals(5, w.stockOf(sku)[0]);
    assertEquals(5, w.stockOf(sku)[1]);
    assertEquals(Map.of(a.id(), 2L, legacy.id(), 3L), holds(w, sku));

    StockMovement journaled = new DynamoStockJournal(stack.dynamoDb(), w.table).movements(sku, 1, null).movements().get(0);
    assertEquals(StockMovement.REPAIR, journaled.movement());
    assertEquals("staff-anna", journaled.actor());
    assertEquals(9L, journaled.reservedBefore());
    assertEquals(5L, journaled.reservedAfter());
    assertEquals(5L, journaled.availableAfter());
    assertTrue(journaled.reason().contains("reserved was 9"), journaled.reason());

    assertTrue(repair.repair("staff-anna").stream().noneMatch(c -> c.sku().equals(sku)), "nothing left to correct");
  }

  @Test
  void aRowNoOrderHoldsIsFoundInTheListingWithoutScanningTheTableAndCorrected(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = FlowWorld.unique("LST").toUpperCase();
    // a staff count creates the row and files it in the listing; 4 units stay reserved by an order long gone
    new DynamoCatalog(stack.dynamoDb(), w.table, w.clock).count(sku, "msk-1", 6, "staff-anna");
    assertTrue(StockLedgerItems.listedRows(stack.dynamoDb(), w.table).stream()
        .anyMatch(i -> sku.equals(Items.str(i, "sku")) && "msk-1".equals(Items.str(i, "warehouse"))), "listed");
    stack.dynamoDb().updateItem(b -> b.tableName(w.table).key(TableKeys.stockKey(sku, "msk-1"))
        .updateExpression("SET reserved = :r, available = :a")
        .expressionAttributeValues(Map.of(":r", Items.n(4), ":a", Items.n(2))));

    w.clock.advance(java.time.Duration.ofSeconds(1));
    RepairStockLedger repair = new RepairStockLedger(new DynamoStockRepair(stack.dynamoDb(), w.table, w.clock),
        new FlagShortOrders(new DynamoShortStock(stack.dynamoDb(), w.table, w.clock), w.c.tasks()), w.clock);
    assertEquals(List.of(new RepairStockLedger.Correction(sku, "msk-1", 6, 4, 0, 2, 6)),
        repair.repair("staff-anna").stream().filter(c -> c.sku().equals(sku)).toList());
    assertEquals(0, w.stockOf(sku)[0]);
    assertEquals(6, w.stockOf(sku)[1]);
  }

  private static Map<String, Long> holds(FlowWorld w, String sku) {
    return StockLedgerItems.holds(w.stack.dynamoDb(), w.table, sku, "msk-1").stream()
        .collect(java.util.stream.Collectors.toMap(Hold::orderId, Hold::qty));
  }
}
