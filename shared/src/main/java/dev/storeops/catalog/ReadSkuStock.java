package dev.storeops.catalog;

import dev.storeops.platform.errors.NotFound;
import java.util.Comparator;
import java.util.List;

/**
 * Staff read a SKU's stock per warehouse ({@code GET /staff/stock/{sku}}): on hand, reserved by open
 * orders and available ({@code max(0, onHand − reserved)}, docs/stock-ledger.md), with the totals.
 */
public final class ReadSkuStock {
  private final Catalog catalog;

  public ReadSkuStock(Catalog catalog) {
    this.catalog = catalog;
  }

  public record Row(String warehouse, String warehouseName, long onHand, long reserved, long available) {}

  public record View(String sku, String name, List<Row> warehouses, long onHand, long reserved, long available) {}

  /** 404 for a SKU that is neither a product nor stocked anywhere. */
  public View read(String sku) {
    var product = Identifiers.validSku(sku) ? catalog.product(sku) : java.util.Optional.<Product>empty();
    List<StockLevel> levels = Identifiers.validSku(sku) ? catalog.stock(sku) : List.of();
    if (product.isEmpty() && levels.isEmpty()) {
      throw new NotFound("SKU " + sku);
    }
    var names = new java.util.HashMap<String, String>();
    catalog.warehouses().forEach(w -> names.put(w.id(), w.name()));
    List<Row> rows = levels.stream().sorted(Comparator.comparing(StockLevel::warehouse))
        .map(l -> new Row(l.warehouse(), names.get(l.warehouse()), l.onHand(), l.reserved(), l.available()))
        .toList();
    return new View(sku, product.map(Product::name).orElse(null), rows,
        rows.stream().mapToLong(Row::onHand).sum(), rows.stream().mapToLong(Row::reserved).sum(),
        rows.stream().mapToLong(Row::available).sum());
  }
}
