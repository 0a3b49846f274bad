package dev.storeops.messaging.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reports' staff mail (expiring-stock, purchase-list) renders in both locales with the model the scheduler sends. */
class ReportMailTemplatesTest {
  private static final MailTemplates TEMPLATES = new MailTemplates();

  private static Map<String, Object> expiring() {
    return Map.of("date", "2032-01-20", "days", 14, "count", 1, "shopUrl", "https://shop.example.com",
        "items", List.of(Map.of("sku", "TEA-003", "warehouse", "msk-1", "expiresAt", "2032-01-30", "daysLeft", 10,
            "onHand", 4)));
  }

  private static Map<String, Object> purchase() {
    return Map.of("week", "2031-W22", "date", "2031-06-01", "coverDays", 14, "shopUrl", "https://shop.example.com",
        "suppliers", List.of(Map.of("supplierId", "chaynaya-lavka", "leadTimeDays", 10, "lines", List.of(
            Map.of("sku", "P5", "available", 3, "dailyRate", 1.5, "daysLeft", 2.0, "suggestedQty", 33)))));
  }

  @Test
  void expiringStockInBothLocales() {
    RenderedMail ru = TEMPLATES.render("expiring-stock", "ru", expiring());
    assertEquals("Истекает срок годности: 1 позиций в ближайшие 14 дн.", ru.subject());
    assertTrue(ru.text().contains("- TEA-003 (msk-1): годен до 2032-01-30, осталось дней: 10, на складе: 4"), ru.text());
    RenderedMail en = TEMPLATES.render("expiring-stock", "en", expiring());
    assertEquals("Stock near expiry: 1 item(s) within 14 days", en.subject());
    assertTrue(en.html().contains("<td>TEA-003</td><td>msk-1</td><td>2032-01-30</td>"), en.html());
  }

  @Test
  void purchaseListInBothLocales() {
    RenderedMail ru = TEMPLATES.render("purchase-list", "ru", purchase());
    assertEquals("Список закупок на неделю 2031-W22", ru.subject());
    assertTrue(ru.text().contains("Поставщик chaynaya-lavka (срок поставки 10 дн.):"), ru.text());
    assertTrue(ru.text().contains("- P5: доступно 3, продаётся 1.5 в день, хватит на 2.0 дн., заказать 33"), ru.text());
    RenderedMail en = TEMPLATES.render("purchase-list", "en", purchase());
    assertTrue(en.html().contains("<b>33</b>"), en.html());
  }
}
