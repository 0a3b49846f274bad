package dev.storeops.catalog;

import dev.storeops.platform.errors.NotFound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff read a SKU's prices over time ({@code GET /staff/stock/{sku}/prices}): each supplier's purchase,
 * retail and minimum retail prices as their files set them, and the shop price changes, newest first.
 * A supplier whose prices were last set before the journal existed shows its current prices once, at
 * the time of that change ({@code journal: false}), so nothing the import recorded is left out.
 */
public final class ReadPriceHistory {
  private final Catalog catalog;
  private final PriceHistory prices;

  public ReadPriceHistory(Catalog catalog, PriceHistory prices) {
    this.catalog = catalog;
    this.prices = prices;
  }

  /** The answer: the current prices per supplier, then the two histories newest first. */
  public record Result(String sku, List<PriceHistory.SupplierPrices> current,
      List<PriceHistory.SupplierPrices> supplierPrices, List<PriceHistory.ShopPriceChange> shopPrices) {}

  public Result read(String sku) {
    List<PriceHistory.SupplierPrices> current = prices.currentSupplierPrices(sku);
    if (!Identifiers.validSku(sku) || (catalog.product(sku).isEmpty() && catalog.stock(sku).isEmpty()
        && current.isEmpty())) {
      throw new NotFound("SKU " + sku);
    }
    List<PriceHistory.SupplierPrices> journal = new ArrayList<>(prices.supplierJournal(sku));
    Set<String> journalled = journal.stream().map(PriceHistory.SupplierPrices::supplierId).collect(Collectors.toSet());
    current.stream().filter(c -> !journalled.contains(c.supplierId())).forEach(journal::add);
    journal.sort(Comparator.comparing(PriceHistory.SupplierPrices::at,
        Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder())).reversed());
    List<PriceHistory.ShopPriceChange> shop = prices.shopPriceChanges(sku).stream()
        .sorted(Comparator.comparing(PriceHistory.ShopPriceChange::at,
            Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder())).reversed()).toList();
    return new Result(sku, current.stream().sorted(Comparator.comparing(PriceHistory.SupplierPrices::supplierId))
        .toList(), journal, shop);
  }
}
