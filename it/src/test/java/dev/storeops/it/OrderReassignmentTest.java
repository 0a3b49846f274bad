package dev.storeops.it;

import static dev.storeops.platform.dynamo.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code DynamoOrderStore.reassignManager} on DynamoDB Local: the managers' open-order counters move with
 * the order in one transaction, a stale read changes nothing, and a rule write that read the order before
 * the move closes the new manager's count, not the old one's.
 */
@WithAwsStack
class OrderReassignmentTest {

  private static long openOrders(FlowWorld w, String manager) {
    return Items.num(w.stack.dynamoDb().getItem(b -> b.tableName(w.table)
        .key(TableKeys.primaryKey(TableKeys.MANAGER.key(manager), "MANAGER")).consistentRead(true)).item(), "openOrders", -1);
  }

  private static String newManager(FlowWorld w, long openOrders) {
    String id = FlowWorld.unique("mgr");
    w.stack.dynamoDb().putItem(b -> b.tableName(w.table).item(Map.of("pk", s("MANAGER#" + id), "sk", s("MANAGER"),
        "type", s("Manager"), "id", s(id), "name", s("Pavel"), "email", s(id + "@example.com"),
        "onShift", AttributeValue.fromBool(true), "openOrders", Items.n(openOrders))));
    return id;
  }

  private static Map<String, AttributeValue> customer(FlowWorld w, String id) {
    return w.stack.dynamoDb().getItem(b -> b.tableName(w.table)
        .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(id), "PROFILE")).consistentRead(true)).item();
  }

  @Test
  void countersMoveWithTheOrderAndAStaleReadChangesNothing(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    DynamoOrderStore orders = new DynamoOrderStore(stack.dynamoDb(), w.table);
    String pavel = newManager(w, 2);
    String third = newManager(w, 0);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, w.stock(5), 1);
    long irinaBefore = openOrders(w, w.manager);
    long revBefore = w.c.store().find(o.id()).orElseThrow().rev();

    assertTrue(orders.reassignManager(o, pavel));
    assertEquals(irinaBefore - 1, openOrders(w, w.manager));
    assertEquals(3, openOrders(w, pavel));
    assertEquals(pavel, orders.find(o.id()).orElseThrow().managerId());
    assertEquals(pavel, customer(w, o.customerId()).get("managerId").s());
    assertEquals(revBefore + 1, w.c.store().find(o.id()).orElseThrow().rev());

    // the order as read before the move (manager Irina): nothing changes
    assertFalse(orders.reassignManager(o, third));
    assertEquals(pavel, orders.find(o.id()).orElseThrow().managerId());
    assertEquals(0, openOrders(w, third));
    assertEquals(3, openOrders(w, pavel));

    // a cancellation closes Pavel's count now, not Irina's
    w.c.flow().cancel(o.id(), "owner-elena", new CancelOrder.Request("customer changed their mind"));
    assertEquals(2, openOrders(w, pavel));
    assertEquals(irinaBefore - 1, openOrders(w, w.manager));
  }

  @Test
  void anErasedCustomerOrARemovedManagerDoesNotBlockTheMove(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    DynamoOrderStore orders = new DynamoOrderStore(stack.dynamoDb(), w.table);
    String pavel = newManager(w, 0);
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, w.stock(5), 1);
    stack.dynamoDb().deleteItem(b -> b.tableName(w.table).key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(o.customerId()), "PROFILE")));
    stack.dynamoDb().deleteItem(b -> b.tableName(w.table).key(TableKeys.primaryKey(TableKeys.MANAGER.key(w.manager), "MANAGER")));

    assertTrue(orders.reassignManager(o, pavel));
    assertEquals(pavel, orders.find(o.id()).orElseThrow().managerId());
    assertEquals(1, openOrders(w, pavel));
    assertTrue(customer(w, o.customerId()).isEmpty(), "no profile is recreated for an erased customer");
  }
}
