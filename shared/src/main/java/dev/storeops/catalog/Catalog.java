package dev.storeops.catalog;

import dev.storeops.staff.Manager;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Products, stock, warehouses and managers (DynamoDB in production). */
public interface Catalog {
  /** Products and stock of {@code skus} in every warehouse (unknown SKUs are absent). */
  CatalogSnapshot snapshot(Collection<String> skus);

  List<StockLevel> stock(String sku);

  Optional<Product> product(String sku);

  /** The products of {@code skus} (unknown SKUs are absent), by SKU; a store reads them in as few requests as it can. */
  default java.util.Map<String, Product> products(Collection<String> skus) {
    java.util.Map<String, Product> found = new java.util.LinkedHashMap<>();
    for (String sku : new java.util.LinkedHashSet<>(skus)) {
      product(sku).ifPresent(p -> found.put(sku, p));
    }
    return found;
  }

  List<Warehouse> warehouses();

  List<Manager> managers();

  Optional<Manager> manager(String id);

  void putProduct(Product product);

  void putWarehouse(Warehouse warehouse);

  /** Creates or updates a manager's profile, keeping the open-orders counter. */
  Manager putManager(String id, String name, String email, boolean onShift);

  /** Sets on-hand stock; {@code available = max(0, onHand − reserved)} against the current reserved. */
  default StockLevel setOnHand(String sku, String warehouse, long onHand) {
    return count(sku, warehouse, onHand, "system").after();
  }

  /** A count and the levels it replaced ({@code before} null: the stock item is new). */
  record Count(StockLedger.Levels before, StockLevel after) {}

  /**
   * Sets on-hand stock as counted by {@code actor} (a staff id), {@code available = max(0, onHand −
   * reserved)} against the current reserved, with its journal entry ({@link StockMovement#STAFF_SET}).
   */
  Count count(String sku, String warehouse, long onHand, String actor);
}
