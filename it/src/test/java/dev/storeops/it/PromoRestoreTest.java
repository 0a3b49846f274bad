package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.ordering.IdempotencyRecord;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.ordering.dynamo.PromoItems;
import dev.storeops.ordering.promo.AppliedPromo;
import dev.storeops.ordering.promo.PromoCode;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A promo code's use is taken with the order and given back when the order is cancelled before shipping. */
@WithAwsStack
class PromoRestoreTest {

  private static long uses(FlowWorld w, String code) {
    return Items.num(w.stack.dynamoDb().getItem(g -> g.tableName(w.table).key(PromoItems.codeKey(code))
        .consistentRead(true)).item(), "uses", -1);
  }

  /** {@code base} stored again with the code's use, as OrderService builds it (the FlowWorld order is removed first). */
  private static Order withPromo(FlowWorld w, Order base, PromoCode code) {
    Order o = new Order("ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22),
        base.number().substring(0, 7) + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), base.customerId(),
        base.channel(), base.createdBy(), base.lines(), base.itemsTotalMinor(), 0, base.itemsTotalMinor() - 120,
        "RUB", null, base.paymentMethod(), base.status(), base.statusHistory(), base.managerId(), null, "hash",
        base.reservations(), base.createdAt(), base.createdAt(), java.util.List.of(), AppliedPromo.of(code, 120));
    new DynamoOrderStore(w.stack.dynamoDb(), w.table).create(o, new IdempotencyRecord(FlowWorld.unique("idem"), "h",
        o.id(), "sealed", o.createdAt(), o.createdAt().plus(Duration.ofDays(1))));
    return o;
  }

  @Test
  void aCancellationBeforeShippingGivesTheUseBackOnceAndTheCustomerMayUseTheCodeAgain(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String code = "BACK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    PromoCode promo = new PromoCode(code, PromoCode.CAMPAIGN, "cmp_back", null, 10, null, 0, null, null, 1, 0, true);
    stack.dynamoDb().putItem(p -> p.tableName(w.table).item(PromoItems.item(promo)));
    PromoItems codes = new PromoItems(stack.dynamoDb(), w.table);

    String sku = w.stock(10);
    Order base = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 1);
    Order order = withPromo(w, base, promo);
    assertEquals(1, uses(w, code));
    assertTrue(codes.usedBy(code, order.customerId()));

    assertEquals(OrderStatus.CANCELLED, w.c.flow().cancel(order.id(), "staff-1",
        new CancelOrder.Request("customer asked")).order().status());
    assertEquals(0, uses(w, code), "the single use is back");
    assertFalse(codes.usedBy(code, order.customerId()), "the customer may use the code again");

    // the same customer orders again with the code: taken again in the order's transaction
    Order again = withPromo(w, base, promo);
    assertEquals(1, uses(w, code));
    assertTrue(codes.usedBy(code, again.customerId()));
  }
}
