package dev.storeops.catalog;

import dev.storeops.customers.CustomerRules;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.Validation;
import dev.storeops.staff.Manager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff keep the catalog: products (price, size and weight for delivery, category, related and upsell
 * SKUs), warehouses, managers' profiles and shifts, and stock set by hand. Each request is validated
 * whole (every offending field listed) before anything is written.
 */
public final class ManageCatalog {
  /** The body of {@code PUT /staff/products/{sku}}. */
  public record ProductRequest(String name, Long priceMinor, Integer weightGrams, Integer lengthMm, Integer widthMm,
      Integer heightMm, String category, List<String> related, List<String> upsell, Integer vatCode) {
    /** Without a VAT code (the shop's default applies). */
    public ProductRequest(String name, Long priceMinor, Integer weightGrams, Integer lengthMm, Integer widthMm,
        Integer heightMm, String category, List<String> related, List<String> upsell) {
      this(name, priceMinor, weightGrams, lengthMm, widthMm, heightMm, category, related, upsell, null);
    }
  }

  /** The body of {@code PUT /staff/managers/{id}}. */
  public record ManagerRequest(String name, String email, Boolean onShift) {}

  /** The body of {@code PUT /staff/stock/{sku}/{warehouse}}. */
  public record StockRequest(Long onHand) {}

  /** The body of {@code PUT /staff/warehouses/{id}}; {@code point} true: a shop point with a till (docs/points.md). */
  public record WarehouseRequest(String name, String city, Boolean point) {
    public WarehouseRequest(String name, String city) {
      this(name, city, null);
    }
  }

  /** What follows a staff count (the wiring flags the orders the count leaves short: {@link ShortStockPolicy}). */
  @FunctionalInterface
  public interface StockCounted {
    void counted(String sku, String warehouse, StockLedger.Levels before, StockLedger.Levels after, String by);

    static StockCounted nothing() {
      return (sku, warehouse, before, after, by) -> {};
    }
  }

  private final Catalog catalog;
  private final Clock clock;
  private final StockCounted counted;

  public ManageCatalog(Catalog catalog, Clock clock) {
    this(catalog, clock, StockCounted.nothing());
  }

  public ManageCatalog(Catalog catalog, Clock clock, StockCounted counted) {
    this.catalog = catalog;
    this.clock = clock;
    this.counted = counted;
  }

  public Product putProduct(String sku, ProductRequest r) {
    Validation v = new Validation();
    if (!Identifiers.validSku(sku)) {
      v.error("sku", "is not a valid SKU");
    }
    String name = CustomerRules.validName(r.name(), "name", v);
    if (r.priceMinor() == null || r.priceMinor() < 0 || r.priceMinor() > 10_000_000_000L) {
      v.error("priceMinor", "is required: the price in kopecks, 0 to 10 000 000 000");
    }
    positive(r.weightGrams(), "weightGrams", 1_000_000, v);
    positive(r.lengthMm(), "lengthMm", 10_000, v);
    positive(r.widthMm(), "widthMm", 10_000, v);
    positive(r.heightMm(), "heightMm", 10_000, v);
    List<String> related = skus(r.related(), "related", sku, v);
    List<String> upsell = skus(r.upsell(), "upsell", sku, v);
    if (r.category() != null && r.category().length() > 100) {
      v.error("category", "must be at most 100 characters");
    }
    if (r.vatCode() != null && (r.vatCode() < 1 || r.vatCode() > 12)) {
      v.error("vatCode", "must be a 54-FZ VAT code of YooKassa, 1 to 12 (1 no VAT, 2 0 %, 3 10 %, 4 20 %, …)");
    }
    v.throwIfInvalid();
    Product product = new Product(sku, name, r.priceMinor(), "RUB", r.weightGrams(), r.lengthMm(), r.widthMm(),
        r.heightMm(), r.category() == null || r.category().isBlank() ? null : r.category().strip(), related, upsell,
        clock.instant(), r.vatCode());
    catalog.putProduct(product);
    return product;
  }

  public Manager putManager(String id, ManagerRequest r) {
    Validation v = new Validation();
    if (!Identifiers.validId(id)) {
      v.error("id", "must be 1-64 characters of letters, digits, '-' and '_'");
    }
    String name = CustomerRules.validName(r.name(), "name", v);
    String email = CustomerRules.validEmail(r.email(), "email", v);
    if (r.onShift() == null) {
      v.error("onShift", "is required (true or false)");
    }
    v.throwIfInvalid();
    return catalog.putManager(id, name, email, r.onShift());
  }

  public Warehouse putWarehouse(String id, WarehouseRequest r) {
    Validation v = new Validation();
    if (!Identifiers.validId(id)) {
      v.error("id", "must be 1-64 characters of letters, digits, '-' and '_'");
    }
    String name = CustomerRules.validName(r.name(), "name", v);
    String city = CustomerRules.validName(r.city(), "city", v);
    v.throwIfInvalid();
    Warehouse w = new Warehouse(id, name, city, Boolean.TRUE.equals(r.point()));
    catalog.putWarehouse(w);
    return w;
  }

  public StockLevel setStock(String sku, String warehouse, StockRequest r) {
    return setStock(sku, warehouse, r, "staff");
  }

  /** Sets the counted stock; {@code by} (the staff id) is written in the SKU's journal. */
  public StockLevel setStock(String sku, String warehouse, StockRequest r, String by) {
    Validation v = new Validation();
    if (!Identifiers.validSku(sku)) {
      v.error("sku", "is not a valid SKU");
    }
    if (r.onHand() == null || r.onHand() < 0 || r.onHand() > 100_000_000L) {
      v.error("onHand", "is required: a whole number from 0 to 100 000 000");
    }
    v.throwIfInvalid();
    if (catalog.product(sku).isEmpty()) {
      throw Invalid.field("sku", "is not in the catalog; PUT /staff/products/" + sku + " first");
    }
    if (catalog.warehouses().stream().noneMatch(w -> w.id().equals(warehouse))) {
      throw Invalid.field("warehouse", "no warehouse " + warehouse);
    }
    Catalog.Count count = catalog.count(sku, warehouse, r.onHand(), by);
    StockLevel after = count.after();
    counted.counted(sku, warehouse, count.before(), StockLedger.Levels.of(after.onHand(), after.reserved()), by);
    return after;
  }

  private static void positive(Integer value, String field, int max, Validation v) {
    if (value == null || value <= 0 || value > max) {
      v.error(field, "is required: a whole number from 1 to " + max);
    }
  }

  private static List<String> skus(List<String> raw, String field, String self, Validation v) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    if (raw.size() > 50) {
      v.error(field, "at most 50 SKUs");
      return out;
    }
    for (int i = 0; i < raw.size(); i++) {
      String sku = raw.get(i) == null ? null : raw.get(i).trim();
      if (!Identifiers.validSku(sku) || sku.equals(self)) {
        v.error(field + "[" + i + "]", "is not a valid SKU of another product");
      } else if (!out.contains(sku)) {
        out.add(sku);
      }
    }
    return out;
  }
}
