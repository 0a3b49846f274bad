package dev.storeops.fulfilment.invoices;

import dev.storeops.catalog.Money;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLine;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bank-transfer invoice says, decided from the order and the shop's requisites (plain Java; the PDF
 * is drawn by order-events' {@code InvoicePdf}): number and date (the order's), the lines plus delivery,
 * the total, the VAT line (VAT included in the prices: total × p / (100 + p), rounded to the kopeck; "Без
 * НДС" at 0 %), the payment purpose quoting the invoice number, and the GOST QR payload.
 */
public record Invoice(String number, LocalDate date, ShopRequisites shop, String buyer, List<Line> lines,
    long totalMinor, String vatText, String purpose, String qrPayload) {

  /** One printed line. */
  public record Line(String name, int qty, long unitPriceMinor, long totalMinor) {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  public static Invoice of(Order order, String buyer, ShopRequisites shop, ZoneId zone) {
    List<Line> lines = new ArrayList<>();
    for (OrderLine l : order.lines()) {
      lines.add(new Line(l.name(), l.qty(), l.unitPriceMinor(), l.lineTotalMinor()));
    }
    if (order.deliveryCostMinor() > 0) {
      lines.add(new Line("Доставка", 1, order.deliveryCostMinor(), order.deliveryCostMinor()));
    }
    LocalDate date = order.createdAt().atZone(zone).toLocalDate();
    long total = order.totalMinor();
    String vat = vatText(total, shop.vatPercent());
    String purpose = "Оплата по счёту № " + order.number() + " от " + DATE.format(date) + ". " + vat;
    return new Invoice(order.number(), date, shop, buyer, lines, total, vat, purpose,
        PaymentQrPayload.of(shop, purpose, total));
  }

  /** The VAT included in {@code totalMinor} at {@code percent}, in kopecks (half up). */
  public static long vatMinor(long totalMinor, int percent) {
    return percent <= 0 ? 0 : Math.round(totalMinor * (double) percent / (100 + percent));
  }

  static String vatText(long totalMinor, int percent) {
    return percent <= 0 ? "Без НДС" : "В т.ч. НДС " + percent + "% — " + Money.rub(vatMinor(totalMinor, percent));
  }

  public String dateText() {
    return DATE.format(date);
  }
}
