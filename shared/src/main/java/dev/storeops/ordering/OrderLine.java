package dev.storeops.ordering;

import dev.storeops.catalog.Product;
import java.util.List;

/**
 * One line of an order, priced from the catalog at creation. Money in minor units (kopecks).
 *
 * @param lineTotalMinor qty × unit price, before any discount
 * @param discountMinor this line's share of the order's promo discount ({@code null}: none)
 * @param costMinor the purchase cost of the line's units, from the warehouses it reserved from, at the
 *     moment of reserving ({@code null}: a warehouse had no purchase price; docs/money.md)
 * @param costs per warehouse the line reserved from: units and the unit cost then
 */
public record OrderLine(String sku, String name, int qty, long unitPriceMinor, long lineTotalMinor, Long discountMinor,
    Long costMinor, List<Cost> costs) {

  /** Units reserved in one warehouse and what each cost us ({@code null}: unknown). */
  public record Cost(String warehouse, int qty, Long unitCostMinor) {}

  public OrderLine {
    costs = costs == null ? List.of() : List.copyOf(costs);
  }

  public OrderLine(String sku, String name, int qty, long unitPriceMinor, long lineTotalMinor) {
    this(sku, name, qty, unitPriceMinor, lineTotalMinor, null, null, List.of());
  }

  public static OrderLine of(Product product, int qty) {
    return new OrderLine(product.sku(), product.name(), qty, product.priceMinor(),
        Math.multiplyExact(product.priceMinor(), (long) qty));
  }

  /** The discount on this line, kopecks (0 without a promo code). */
  public long discount() {
    return discountMinor == null ? 0 : discountMinor;
  }

  /** What the customer pays for this line: its total less its discount. */
  public long netMinor() {
    return lineTotalMinor - discount();
  }

  public OrderLine withDiscount(long discount) {
    return new OrderLine(sku, name, qty, unitPriceMinor, lineTotalMinor, discount == 0 ? null : discount, costMinor, costs);
  }

  /** With its cost: the sum of qty × unit cost over {@code costs}, or {@code null} when one is unknown. */
  public OrderLine withCosts(List<Cost> costs) {
    Long total = 0L;
    for (Cost c : costs) {
      if (c.unitCostMinor() == null) {
        total = null;
        break;
      }
      total = Math.addExact(total, Math.multiplyExact(c.unitCostMinor(), (long) c.qty()));
    }
    return new OrderLine(sku, name, qty, unitPriceMinor, lineTotalMinor, discountMinor, total, costs);
  }
}
