package dev.storeops.fulfilment.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.config.Env;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 54-FZ receipt's items add up to what the customer pays, promo discount included. */
class YooKassaReceiptTest {
  private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
  private static final PaymentProviderSettings SETTINGS = PaymentProviderSettings.from(Env.of(Map.of()));

  private static Order order(List<OrderLine> lines, long delivery) {
    long items = lines.stream().mapToLong(OrderLine::lineTotalMinor).sum();
    long discount = lines.stream().mapToLong(OrderLine::discount).sum();
    long total = items - discount + delivery;
    return new Order("ord_1", "261123-ABC123", "cus_1", Channel.SITE, "customer", lines, items, delivery, total,
        "RUB", null, PaymentMethod.ONLINE_CARD, OrderLifecycle.initialStatus(PaymentMethod.ONLINE_CARD),
        OrderLifecycle.created(PaymentMethod.ONLINE_CARD, AT, "customer"), null, null, "h",
        List.of(new Reservation("TEA", "msk-1", 3)), AT, AT);
  }

  @SuppressWarnings("unchecked")
  private static long sumOfItems(Map<String, Object> receipt) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map<String, Object> item : (List<Map<String, Object>>) receipt.get("items")) {
      Map<String, Object> amount = (Map<String, Object>) item.get("amount");
      sum = sum.add(new BigDecimal((String) amount.get("value")).multiply(new BigDecimal((String) item.get("quantity"))));
    }
    return sum.movePointRight(2).longValueExact();
  }

  @Test
  void withoutADiscountEachLineIsOneItemAtItsUnitPrice() {
    Order o = order(List.of(new OrderLine("TEA", "Чай", 3, 100_00, 300_00)), 250_00);
    Map<String, Object> receipt = YooKassaReceipt.of(o, "a@example.com", null, sku -> null, SETTINGS);
    assertEquals(2, ((List<?>) receipt.get("items")).size());
    assertEquals(o.totalMinor(), sumOfItems(receipt));
  }

  @Test
  void aDiscountThatDoesNotDivideByTheQuantityPutsTheRemainderOnOneUnitAndTheItemsAddUpToTheTotal() {
    Order o = order(List.of(new OrderLine("TEA", "Чай", 3, 100_00, 300_00).withDiscount(100_01),
        new OrderLine("CUP", "Чашка", 2, 50_00, 100_00).withDiscount(10_00)), 250_00);
    Map<String, Object> receipt = YooKassaReceipt.of(o, null, "+7 (903) 111-22-33", sku -> 4, SETTINGS);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) receipt.get("items");
    // 199.99 for three teas: two at 66.66 and one at 66.67; two cups at 45.00; delivery
    assertEquals(4, items.size());
    assertEquals("2.00", items.get(0).get("quantity"));
    assertEquals("66.66", ((Map<?, ?>) items.get(0).get("amount")).get("value"));
    assertEquals("1.00", items.get(1).get("quantity"));
    assertEquals("66.67", ((Map<?, ?>) items.get(1).get("amount")).get("value"));
    assertEquals("45.00", ((Map<?, ?>) items.get(2).get("amount")).get("value"));
    assertEquals(o.totalMinor(), sumOfItems(receipt));
    assertEquals(Map.of("phone", "79031112233"), receipt.get("customer"));
  }
}
