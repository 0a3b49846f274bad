package dev.storeops.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.MailIntent;
import dev.storeops.ordering.Channel;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderMailsTest {
  private final OrderMails mails = new OrderMails("https://shop.example.com/");
  private final Instant at = Instant.parse("2026-11-23T09:00:00Z");
  private final Order order = new Order("ord_1", "261123-ABCDEF", "cus_1", Channel.SITE, "customer",
      List.of(new OrderLine("TEA", "Чай", 2, 123450, 246900)), 246900, 29000, 275900, "RUB",
      new Delivery("COURIER", DeliveryMethod.COURIER, "shop", "Москва", "Тверская 7", null, 29000),
      PaymentMethod.BANK_TRANSFER, OrderLifecycle.initialStatus(PaymentMethod.BANK_TRANSFER),
      OrderLifecycle.created(PaymentMethod.BANK_TRANSFER, at, "customer"), null, null, "hash", List.of(), at, at);
  private final Customer customer = new Customer("cus_1", "olga@example.com", "Ольга", "+79165551234", null, false,
      null, "ru", at, null);

  @Test
  void theConfirmationCarriesEverythingTheTemplateShows() {
    MailIntent intent = mails.confirmation(order, customer, "tok");
    assertEquals("order-confirmation#ord_1", intent.dedupeKey());
    assertEquals("order-confirmation", intent.template());
    assertEquals(MailIntent.Category.TRANSACTIONAL, intent.category());
    assertEquals("olga@example.com", intent.to());
    assertEquals("ru", intent.locale());
    Map<String, Object> data = intent.data();
    assertEquals("261123-ABCDEF", data.get("orderNumber"));
    assertEquals("Ольга", data.get("customerName"));
    assertEquals(List.of(Map.of("sku", "TEA", "name", "Чай", "qty", 2, "priceText", "1 234,50 ₽",
        "totalText", "2 469,00 ₽")), data.get("lines"));
    assertEquals("2 759,00 ₽", data.get("totalText"));
    assertEquals("Курьер: Москва, Тверская 7, 290,00 ₽", data.get("deliveryText"));
    assertEquals("BANK_TRANSFER", data.get("paymentMethod"));
    assertEquals("Мы пришлём счёт; оплатите его в течение 3 дней, указав номер заказа.", data.get("paymentInstructions"));
    assertEquals("https://shop.example.com/orders/ord_1?token=tok", data.get("orderUrl"));
  }

  @Test
  void theManagerGetsAStaffMail() {
    MailIntent intent = mails.managerNewOrder(order, customer, "Ирина", "irina@example.com");
    assertEquals("manager-new-order#ord_1", intent.dedupeKey());
    assertEquals(MailIntent.Category.STAFF, intent.category());
    assertEquals("irina@example.com", intent.to());
    assertNull(intent.customerId());
    assertEquals("+79165551234", intent.data().get("customerPhone"));
    assertEquals("https://shop.example.com/staff/orders/ord_1", intent.data().get("orderUrl"));
  }
}
