package dev.storeops.messaging.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class MailTemplatesTest {
  private static final MailTemplates TEMPLATES = new MailTemplates();

  public static Map<String, Object> orderData() {
    Map<String, Object> data = new HashMap<>();
    data.put("orderNumber", "1042");
    data.put("customerName", "Анна <Петрова>");
    data.put("lines", List.of(
        Map.of("sku", "TEA-1", "name", "Чай улун", "qty", 2, "priceText", "450 ₽", "totalText", "900 ₽"),
        Map.of("sku", "CUP-7", "name", "Чашка", "qty", 1, "priceText", "300 ₽", "totalText", "300 ₽")));
    data.put("totalText", "1 200 ₽");
    data.put("deliveryText", "Курьер, 24 ноября");
    data.put("paymentMethod", "Картой онлайн");
    data.put("paymentInstructions", "Оплатите по ссылке в течение 3 дней.");
    data.put("orderUrl", "https://shop.example.com/orders/ord_1");
    data.put("shopUrl", "https://shop.example.com");
    return data;
  }

  @Test
  void everyTemplateExistsInBothLocales() {
    for (String name : MailTemplates.NAMES) {
      for (String locale : MailTemplates.LOCALES) {
        assertTrue(TEMPLATES.exists(name, locale), name + "." + locale);
      }
    }
  }

  @Test
  void staffMailsOfOrderEventsAndTaskEscalationRender() {
    RenderedMail unassigned = TEMPLATES.render("order-unassigned", "ru",
        Map.of("orderId", "ord_1", "orderNumber", "261123-ABC123", "totalText", "1 200 ₽", "shopUrl", "https://shop.example.com"));
    assertEquals("Заказ 261123-ABC123 без менеджера", unassigned.subject());
    assertTrue(unassigned.text().contains("1 200 ₽"), unassigned.text());
    RenderedMail overdue = TEMPLATES.render("task-overdue", "en", Map.of("taskId", "tsk_1", "title", "Call about payment",
        "assigneeId", "mgr-olga", "orderId", "ord_1", "dueAt", "2026-11-23T10:00:00Z", "shopUrl", "https://shop.example.com"));
    assertEquals("Overdue task: Call about payment", overdue.subject());
    assertTrue(overdue.text().contains("mgr-olga"), overdue.text());
  }

  @Test
  void theManagersNewOrderMailAsOrderMailsBuildsItRendersInBothLocales() {
    java.time.Instant at = java.time.Instant.parse("2026-11-23T09:00:00Z");
    var method = dev.storeops.ordering.PaymentMethod.CASH_ON_DELIVERY;
    var order = new dev.storeops.ordering.Order("ord_1", "261123-ABCDEF", "cus_1", dev.storeops.ordering.Channel.PHONE,
        "mgr-olga", List.of(new dev.storeops.ordering.OrderLine("TEA", "Чай", 2, 123450, 246900)), 246900, 29000, 275900,
        "RUB", new dev.storeops.catalog.Delivery("COURIER", dev.storeops.catalog.DeliveryMethod.COURIER, "shop", "Москва",
            "Тверская 7", null, 29000), method, dev.storeops.ordering.OrderLifecycle.initialStatus(method),
        dev.storeops.ordering.OrderLifecycle.created(method, at, "mgr-olga"), null, null, "hash", List.of(), at, at);
    var customer = new dev.storeops.customers.Customer("cus_1", "olga@example.com", "Ольга", "+79165551234", null,
        false, null, "ru", at, null);
    var intent = new dev.storeops.messaging.OrderMails("https://shop.example.com")
        .managerNewOrder(order, customer, "Ирина", "irina@example.com");
    for (String locale : List.of("ru", "en")) {
      Map<String, Object> model = new HashMap<>(intent.data());
      model.putIfAbsent("shopUrl", "https://shop.example.com"); // as EmailService adds it
      RenderedMail mail = TEMPLATES.render(intent.template(), locale, model);
      assertTrue(mail.text().contains("https://shop.example.com/staff/orders/ord_1"), mail.text());
    }
  }

  @Test
  void orderConfirmationInRussian() {
    RenderedMail mail = TEMPLATES.render("order-confirmation", "ru", orderData());
    assertEquals("Заказ 1042 принят", mail.subject());
    assertTrue(mail.text().contains("Здравствуйте, Анна <Петрова>!"), mail.text());
    assertTrue(mail.text().contains("- Чай улун (TEA-1): 2 × 450 ₽ = 900 ₽"), mail.text());
    assertTrue(mail.text().contains("Итого: 1 200 ₽"), mail.text());
    assertTrue(mail.html().contains("Анна &lt;Петрова&gt;"), "HTML part escapes data");
    assertFalse(mail.html().contains("<Петрова>"));
    assertTrue(mail.html().contains("<html lang=\"ru\">"));
    assertFalse(mail.text().contains("Отписаться"), "no unsubscribe footer without a link");
  }

  @Test
  void anOnlineCardConfirmationCarriesThePaymentLinkAndTheInvoiceMailRendersAsIssueInvoiceBuildsIt() {
    Map<String, Object> card = new HashMap<>(orderData());
    card.put("paymentUrl", "https://api.example.com/payments/pay/ord_1?token=t1");
    assertTrue(TEMPLATES.render("order-confirmation", "ru", card).text()
        .contains("Оплатить картой: https://api.example.com/payments/pay/ord_1?token=t1"));
    assertTrue(TEMPLATES.render("order-confirmation", "en", card).html()
        .contains("<a href=\"https://api.example.com/payments/pay/ord_1?token=t1\"><b>Pay by card</b></a>"));
    assertFalse(TEMPLATES.render("order-confirmation", "ru", orderData()).text().contains("Оплатить картой"),
        "no link for other payment methods");

    Map<String, Object> invoice = new HashMap<>();
    invoice.put("orderNumber", "261123-ABC123");
    invoice.put("customerName", "Анна");
    invoice.put("totalText", "1 980,00 ₽");
    invoice.put("vatText", "Без НДС");
    invoice.put("purpose", "Оплата по счёту № 261123-ABC123 от 23.11.2026. Без НДС");
    invoice.put("payeeName", "ООО \"Магазин\"");
    invoice.put("payeeInn", "7700000000");
    invoice.put("account", "40702810900000000001");
    invoice.put("bankName", "ПАО Сбербанк");
    invoice.put("bic", "044525225");
    invoice.put("correspondentAccount", "30101810400000000225");
    invoice.put("invoiceUrl", "https://api.example.com/payments/invoice/ord_1?token=t1");
    invoice.put("shopUrl", "https://shop.example.com");
    for (String locale : List.of("ru", "en")) {
      RenderedMail mail = TEMPLATES.render("invoice", locale, invoice);
      assertTrue(mail.subject().contains("261123-ABC123"), mail.subject());
      assertTrue(mail.text().contains("https://api.example.com/payments/invoice/ord_1?token=t1"), mail.text());
      assertTrue(mail.text().contains("044525225"), mail.text());
    }
  }

  @Test
  void orderConfirmationInEnglish() {
    RenderedMail mail = TEMPLATES.render("order-confirmation", "en", orderData());
    assertEquals("Order 1042 received", mail.subject());
    assertTrue(mail.text().contains("Total: 1 200 ₽"));
    assertTrue(mail.text().contains("The shop team"));
    assertTrue(mail.html().contains("<a href=\"https://shop.example.com/orders/ord_1\">Track your order</a>"));
  }

  @Test
  void marketingMailCarriesTheUnsubscribeLinkInBothParts() {
    Map<String, Object> data = new HashMap<>(Map.of("customerName", "Ann", "promoCode", "BD-ABCD2345",
        "discountText", "10%", "validUntil", "2026-12-06", "shopUrl", "https://shop.example.com",
        "unsubscribeUrl", "https://api.example.com/unsubscribe?token=t.1.s"));
    RenderedMail mail = TEMPLATES.render("birthday", "en", data);
    assertEquals("Happy birthday, Ann! A gift: 10% off", mail.subject());
    assertTrue(mail.text().contains("Unsubscribe: https://api.example.com/unsubscribe?token=t.1.s"));
    assertTrue(mail.html().contains("href=\"https://api.example.com/unsubscribe?token=t.1.s\""));
    assertTrue(mail.text().contains("BD-ABCD2345"));
  }

  @Test
  void aMissingVariableFailsTheWholeMail() {
    Map<String, Object> data = orderData();
    data.remove("orderUrl");
    TemplateException e = assertThrows(TemplateException.class,
        () -> TEMPLATES.render("order-confirmation", "ru", data));
    assertTrue(e.getMessage().contains("orderUrl"), e.getMessage());
    Map<String, Object> nullValue = orderData();
    nullValue.put("totalText", null);
    assertThrows(TemplateException.class, () -> TEMPLATES.render("order-confirmation", "en", nullValue));
  }

  @Test
  void anUnknownTemplateOrLocaleIsAClearFailure() {
    assertTrue(assertThrows(TemplateException.class, () -> TEMPLATES.render("no-such", "ru", Map.of()))
        .getMessage().contains("no-such"));
    assertThrows(TemplateException.class, () -> TEMPLATES.render("welcome", "de", Map.of("customerName", "x")));
  }

  @Test
  void templateFilesNeedAllThreeParts() {
    assertThrows(IllegalStateException.class, () -> MailTemplates.split("x", "==== subject ====\nS\n==== text ====\nT\n"));
    assertThrows(IllegalStateException.class,
        () -> MailTemplates.split("x", "==== subject ====\nS\n==== body ====\nT\n==== html ====\nH\n"));
    assertEquals("T\n", MailTemplates.split("x", "==== subject ====\nS\n==== text ====\nT\n==== html ====\nH\n").get("text"));
  }
}
