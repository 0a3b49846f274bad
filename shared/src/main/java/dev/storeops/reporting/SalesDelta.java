package dev.storeops.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change to the figures of one day when an order moves from one counted state to another.
 *
 * @param orders orders placed (+1 when an order is first counted)
 * @param grossMinor total of the placed orders
 * @param cancelled orders cancelled (+1 on cancellation)
 * @param cancelledMinor total of the cancelled orders
 * @param cancelReason the reason counted (when {@code cancelled > 0})
 * @param soldQty per SKU: quantity sold (+ when placed, − when cancelled)
 */
public record SalesDelta(CountedState from, CountedState to, String channel, long orders, long grossMinor,
    long cancelled, long cancelledMinor, String cancelReason, Map<String, Long> soldQty) {

  public static final String UNSPECIFIED_REASON = "unspecified";
  public static final int MAX_REASON_LENGTH = 80;

  /** Nothing to count: the order is already counted in this state (or a cancelled one changed). */
  public boolean empty() {
    return orders == 0 && cancelled == 0;
  }

  /**
   * The delta for an order seen in {@code facts} after being counted as {@code from}. Cancelled is
   * final: once counted as cancelled nothing changes; an active order that stays active changes nothing.
   */
  public static SalesDelta of(CountedState from, OrderFacts facts) {
    CountedState to = facts.state();
    if (from == CountedState.CANCELLED || from == to) {
      return new SalesDelta(from, from, facts.channel(), 0, 0, 0, 0, null, Map.of());
    }
    long orders = from == CountedState.NONE ? 1 : 0;
    long gross = orders * facts.totalMinor();
    long cancelled = to == CountedState.CANCELLED ? 1 : 0;
    long cancelledMinor = cancelled * facts.totalMinor();
    Map<String, Long> sold = new LinkedHashMap<>();
    // sold quantity: + when first counted, − when cancelled (the net is 0 for NONE → CANCELLED)
    long sign = orders - cancelled;
    if (sign != 0) {
      for (OrderFacts.Line l : merged(facts.lines())) {
        sold.put(l.sku(), sign * l.qty());
      }
    }
    return new SalesDelta(from, to, facts.channel(), orders, gross, cancelled, cancelledMinor,
        cancelled > 0 ? reasonKey(facts.cancelReason()) : null, sold);
  }

  /**
   * The reason as counted: its category — the text before the first {@code :}, so that the words after
   * it (a refusal's "refused by the customer: <the customer's own words>") never reach the report
   * items, which keep no personal data (docs/privacy.md) — trimmed, lower case, at most {@value
   * #MAX_REASON_LENGTH} characters.
   */
  public static String reasonKey(String reason) {
    int colon = reason == null ? -1 : reason.indexOf(':');
    String category = colon >= 0 ? reason.substring(0, colon) : reason;
    if (category == null || category.isBlank()) {
      return UNSPECIFIED_REASON;
    }
    String r = category.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    return r.length() > MAX_REASON_LENGTH ? r.substring(0, MAX_REASON_LENGTH) : r;
  }

  /** Lines of the same SKU summed (an order may list a SKU twice). */
  static List<OrderFacts.Line> merged(List<OrderFacts.Line> lines) {
    Map<String, Long> bySku = new LinkedHashMap<>();
    lines.forEach(l -> bySku.merge(l.sku(), l.qty(), Long::sum));
    return bySku.entrySet().stream().map(e -> new OrderFacts.Line(e.getKey(), e.getValue())).toList();
  }
}
