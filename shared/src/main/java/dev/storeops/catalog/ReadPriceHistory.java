package dev.storeops.catalog;

import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff read a SKU's prices over time ({@code GET /staff/stock/{sku}/prices}) as one timeline, newest
 * first, a page at a time: each supplier file's purchase, retail and minimum retail prices ({@code kind:
 * supplier}) and the shop's own price changes ({@code kind: shop}) merged into one list, paged as every
 * list is (docs/api.md#lists: {@code limit} + {@code cursor} → {@code nextCursor}). The cursor is the
 * position of the page's last entry in the timeline's order ({@link PageCursor#encodePosition}): time,
 * newest first (an entry without a time last), then kind, supplier (or the change's source) and file.
 * A supplier whose prices were last set before the journal existed shows its current prices once, at the
 * time of that change ({@code journal: false}), so nothing the import recorded is left out. The current
 * prices per supplier (one entry per supplier, not a history) come with every page.
 */
public final class ReadPriceHistory {
  /** The page size without {@code limit}. */
  public static final int DEFAULT_LIMIT = 50;
  /** The largest page. */
  public static final int MAX_LIMIT = 100;
  private static final List<String> POSITION = List.of("at", "kind", "by", "file");

  private final Catalog catalog;
  private final PriceHistory prices;

  public ReadPriceHistory(Catalog catalog, PriceHistory prices) {
    this.catalog = catalog;
    this.prices = prices;
  }

  /** What an entry of the timeline is. */
  public enum Kind {
    /** A supplier file set the supplier's prices ({@link PriceHistory.SupplierPrices}). */
    supplier,
    /** The shop's own price of the product changed ({@link PriceHistory.ShopPriceChange}). */
    shop
  }

  /**
   * One entry of the timeline: the fields of its kind (the others null, left out of the answer).
   *
   * @param supplierId {@code supplier}: the supplier whose file set the prices
   * @param journal {@code supplier}: false for current prices set before the journal existed
   * @param source {@code shop}: what changed the price (a supplier's price rule)
   */
  public record Entry(Kind kind, Instant at, String supplierId, Long purchasePriceMinor, Long retailPriceMinor,
      Long minRetailPriceMinor, Boolean journal, Long oldPriceMinor, Long newPriceMinor, String source, String why,
      String file) {

    static Entry of(PriceHistory.SupplierPrices p) {
      return new Entry(Kind.supplier, p.at(), p.supplierId(), p.purchasePriceMinor(), p.retailPriceMinor(),
          p.minRetailPriceMinor(), p.journal(), null, null, null, null, p.file());
    }

    static Entry of(PriceHistory.ShopPriceChange c) {
      return new Entry(Kind.shop, c.at(), null, null, null, null, null, c.oldPriceMinor(), c.newPriceMinor(),
          c.source(), c.why(), c.file());
    }

    /** Who the entry is about: the supplier, or the source of a shop price change. */
    String by() {
      return kind == Kind.supplier ? supplierId : source;
    }
  }

  /**
   * A page of the timeline.
   *
   * @param current each supplier's prices now, by supplier
   * @param entries this page of the timeline, newest first
   * @param nextCursor the cursor of the next page; null on the last
   */
  public record Page(String sku, List<PriceHistory.SupplierPrices> current, List<Entry> entries, String nextCursor) {}

  /** The position of an entry in the timeline: the cursor's content. */
  private record Position(Instant at, String kind, String by, String file) {
    static final Comparator<Position> ORDER = Comparator
        .comparing(Position::at, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
        .thenComparing(Position::kind).thenComparing(Position::by).thenComparing(Position::file);

    static Position of(Entry e) {
      return new Position(e.at(), e.kind().name(), e.by() == null ? "" : e.by(), e.file() == null ? "" : e.file());
    }

    static Position of(String cursor) {
      Map<String, String> p = PageCursor.decodePosition(cursor, POSITION);
      try {
        Kind.valueOf(p.get("kind"));
        return new Position(p.get("at").isEmpty() ? null : Instant.parse(p.get("at")), p.get("kind"), p.get("by"),
            p.get("file"));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw Invalid.field("cursor", "is not a cursor this API returned");
      }
    }

    String cursor() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("at", at == null ? "" : at.toString());
      p.put("kind", kind);
      p.put("by", by);
      p.put("file", file);
      return PageCursor.encodePosition(p);
    }
  }

  /**
   * A page of the SKU's price timeline: {@code limit} 1..{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}),
   * {@code cursor} from the page before (null: the first). 404 for a SKU the shop does not know, 400 for a
   * bad limit or cursor.
   */
  public Page read(String sku, String limitParam, String cursor) {
    int limit = PageCursor.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Position after = cursor == null || cursor.isBlank() ? null : Position.of(cursor);
    List<PriceHistory.SupplierPrices> current = prices.currentSupplierPrices(sku);
    if (!Identifiers.validSku(sku) || (catalog.product(sku).isEmpty() && catalog.stock(sku).isEmpty()
        && current.isEmpty())) {
      throw new NotFound("SKU " + sku);
    }
    List<PriceHistory.SupplierPrices> journal = new ArrayList<>(prices.supplierJournal(sku));
    Set<String> journalled = journal.stream().map(PriceHistory.SupplierPrices::supplierId).collect(Collectors.toSet());
    current.stream().filter(c -> !journalled.contains(c.supplierId())).forEach(journal::add);
    List<Entry> timeline = new ArrayList<>();
    journal.forEach(p -> timeline.add(Entry.of(p)));
    prices.shopPriceChanges(sku).forEach(c -> timeline.add(Entry.of(c)));
    List<Entry> rest = timeline.stream()
        .filter(e -> after == null || Position.ORDER.compare(Position.of(e), after) > 0)
        .sorted(Comparator.comparing(Position::of, Position.ORDER)).toList();
    List<Entry> page = rest.subList(0, Math.min(limit, rest.size()));
    String next = rest.size() > page.size() ? Position.of(page.get(page.size() - 1)).cursor() : null;
    return new Page(sku, current.stream().sorted(Comparator.comparing(PriceHistory.SupplierPrices::supplierId)).toList(),
        page, next);
  }
}
