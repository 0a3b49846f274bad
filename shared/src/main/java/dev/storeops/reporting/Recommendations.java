package dev.storeops.reporting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recommendations for a product: its configured related (cross-sell) SKUs, then its upsell SKUs,
 * then the SKUs most often bought together with it (by pair count, ties by SKU) — each SKU once,
 * never the product itself, only SKUs in stock, at most {@code limit}.
 */
public final class Recommendations {
  public static final int DEFAULT_LIMIT = 10;
  /** How many co-purchased SKUs of one order are paired (the first N distinct SKUs by line order). */
  public static final int MAX_PAIRED_SKUS = 8;

  public enum Kind { RELATED, UPSELL, BOUGHT_TOGETHER }

  public record Pick(String sku, Kind kind) {}

  private Recommendations() {}

  public static List<Pick> pick(String sku, List<String> related, List<String> upsell, Map<String, Long> pairCounts,
      Predicate<String> inStock, int limit) {
    List<Pick> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    seen.add(sku);
    add(out, seen, related, Kind.RELATED, inStock, limit);
    add(out, seen, upsell, Kind.UPSELL, inStock, limit);
    List<String> together = pairCounts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    add(out, seen, together, Kind.BOUGHT_TOGETHER, inStock, limit);
    return out;
  }

  private static void add(List<Pick> out, Set<String> seen, List<String> skus, Kind kind, Predicate<String> inStock,
      int limit) {
    for (String s : skus) {
      if (out.size() >= limit) {
        return;
      }
      if (s != null && seen.add(s) && inStock.test(s)) {
        out.add(new Pick(s, kind));
      }
    }
  }

  /** The directed pairs an order contributes: among its first {@value #MAX_PAIRED_SKUS} distinct SKUs, each ordered pair. */
  public static List<Map.Entry<String, String>> pairs(List<String> skus) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(skus));
    if (distinct.size() > MAX_PAIRED_SKUS) {
      distinct = distinct.subList(0, MAX_PAIRED_SKUS);
    }
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String a : distinct) {
      for (String b : distinct) {
        if (!a.equals(b)) {
          out.add(Map.entry(a, b));
        }
      }
    }
    return out;
  }
}
