package dev.storeops.fulfilment.invoices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.catalog.Reservation;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.PaymentMethod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invoice's figures and its GOST R 56042-2014 payment string, decided without PDF or AWS. */
class InvoiceRulesTest {
  private static final ShopRequisites SHOP = new ShopRequisites("ООО \"Чайная | лавка\"", "7701234567", "770101001",
      "Москва", "40702810900000000001", "ПАО Сбербанк", "044525225", "30101810400000000225", 20);

  private static Order order(long delivery) {
    Instant created = Instant.parse("2026-11-30T22:30:00Z"); // 1 December in Moscow
    return new Order("ord_1", "261201-ABC123", "cus_1", Channel.SITE, "customer",
        List.of(new OrderLine("TEA-1", "Чай", 3, 500_00, 1500_00)), 1500_00, delivery, 1500_00 + delivery, "RUB",
        null, PaymentMethod.BANK_TRANSFER, OrderLifecycle.initialStatus(PaymentMethod.BANK_TRANSFER),
        OrderLifecycle.created(PaymentMethod.BANK_TRANSFER, created, "customer"), null, null, "h",
        List.of(new Reservation("TEA-1", "msk-1", 3)), created, created);
  }

  @Test
  void theQrStringHasTheMandatoryFieldsInOrderTheSumInKopecksAndNoStrayBars() {
    Invoice inv = Invoice.of(order(300_00), "Анна", SHOP, ZoneId.of("Europe/Moscow"));
    assertEquals("01.12.2026", inv.dateText());
    assertEquals("В т.ч. НДС 20% — 300,00 ₽", inv.vatText(), "1800 × 20 / 120");
    assertEquals("ST00012|Name=ООО \"Чайная   лавка\"|PersonalAcc=40702810900000000001|BankName=ПАО Сбербанк"
        + "|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=7701234567|KPP=770101001"
        + "|Purpose=Оплата по счёту № 261201-ABC123 от 01.12.2026. В т.ч. НДС 20% — 300,00 ₽|Sum=180000",
        inv.qrPayload());
    assertEquals(List.of("Чай", "Доставка"), inv.lines().stream().map(Invoice.Line::name).toList());
  }

  @Test
  void withoutVatTheInvoiceSaysSoAndAPayeeWithoutKppLeavesItOut() {
    ShopRequisites soleTrader = new ShopRequisites("ИП Иванов И. И.", "770123456789", "", "", "40802810900000000002",
        "АО Т-Банк", "044525974", "30101810145250000974", 0);
    Invoice inv = Invoice.of(order(0), "Анна", soleTrader, ZoneId.of("Europe/Moscow"));
    assertEquals("Без НДС", inv.vatText());
    assertEquals(0, Invoice.vatMinor(1500_00, 0));
    assertEquals("ST00012|Name=ИП Иванов И. И.|PersonalAcc=40802810900000000002|BankName=АО Т-Банк|BIC=044525974"
        + "|CorrespAcc=30101810145250000974|PayeeINN=770123456789"
        + "|Purpose=Оплата по счёту № 261201-ABC123 от 01.12.2026. Без НДС|Sum=150000", inv.qrPayload());
  }

  @Test
  void vatIncludedIsRoundedToTheKopeck() {
    assertEquals(16_67, Invoice.vatMinor(100_00, 20));
    assertEquals(9_09, Invoice.vatMinor(100_00, 10));
  }
}
