package dev.storeops.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Stock near expiry: entries of the expiry index whose date falls in {@code [today, today + days]}
 * and that still have stock available, soonest first.
 */
public final class Expiring {
  public static final int DEFAULT_DAYS = 14;
  public static final int MAX_DAYS = 366;

  /** One index entry: a SKU in a warehouse with its expiry date and current stock. */
  public record Entry(String sku, String warehouse, LocalDate expiresAt, long available, long onHand,
      String supplierId) {}

  /** A listed entry with the days left until expiry (0 = expires today). */
  public record Item(String sku, String warehouse, String expiresAt, long daysLeft, long available, long onHand,
      String supplierId) {}

  private Expiring() {}

  public static List<Item> select(LocalDate today, int days, List<Entry> entries) {
    LocalDate last = today.plusDays(days);
    return entries.stream()
        .filter(e -> !e.expiresAt().isBefore(today) && !e.expiresAt().isAfter(last) && e.onHand() > 0)
        .sorted(Comparator.comparing(Entry::expiresAt).thenComparing(Entry::sku).thenComparing(Entry::warehouse))
        .map(e -> new Item(e.sku(), e.warehouse(), e.expiresAt().toString(), ChronoUnit.DAYS.between(today, e.expiresAt()),
            e.available(), e.onHand(), e.supplierId()))
        .toList();
  }

  public static String csv(List<Item> items) {
    StringBuilder b = new StringBuilder("sku,warehouse,expires_at,days_left,on_hand,available,supplier\r\n");
    for (Item i : items) {
      b.append(Csv.field(i.sku())).append(',').append(Csv.field(i.warehouse())).append(',').append(i.expiresAt())
          .append(',').append(i.daysLeft()).append(',').append(i.onHand()).append(',').append(i.available()).append(',')
          .append(Csv.field(i.supplierId())).append("\r\n");
    }
    return b.toString();
  }
}
