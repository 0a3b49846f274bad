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
 * @param costMinor purchase cost of the placed order's goods
 * @param cancelledCostMinor purchase cost of the cancelled order's goods
 * @param discountMinor the promo discount counted: + when placed, − when cancelled (the net is what was given)
 * @param promoSource the campaign id or {@code birthday} the discount belongs to
 * @param revenueBySku per SKU: net line revenue (+ placed, − cancelled); only SKUs with revenue
 * @param costBySku per SKU: purchase cost (+ placed, − cancelled); only SKUs with a cost
 */
public record SalesDelta(CountedState from, CountedState to, String channel, long orders, long grossMinor,
    long cancelled, long cancelledMinor, String cancelReason, Map<String, Long> soldQty, long costMinor,
    long cancelledCostMinor, long discountMinor, String promoSource, Map<String, Long> revenueBySku,
    Map<String, Long> costBySku) {

  /** Without the money side (no cost, no discount). */
  public SalesDelta(CountedState from, CountedState to, String channel, long orders, long grossMinor,
      long cancelled, long cancelledMinor, String cancelReason, Map<String, Long> soldQty) {
    this(from, to, channel, orders, grossMinor, cancelled, cancelledMinor, cancelReason, soldQty, 0, 0, 0, null,
        Map.of(), Map.of());
  }

  // Returns come in a later issue: a return will be one more counted transition that subtracts the
  // returned lines' revenue and cost (docs/money.md, "Returns"); nothing counts them yet.


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
    Map<String, Long> revenue = new LinkedHashMap<>();
    Map<String, Long> cost = new LinkedHashMap<>();
    // sold quantity: + when first counted, − when cancelled (the net is 0 for NONE → CANCELLED)
    long sign = orders - cancelled;
    if (sign != 0) {
      for (OrderFacts.Line l : merged(facts.lines())) {
        sold.put(l.sku(), sign * l.qty());
        if (l.revenueMinor() != 0) {
          revenue.put(l.sku(), sign * l.revenueMinor());
        }
        if (l.costMinor() != 0) {
          cost.put(l.sku(), sign * l.costMinor());
        }
      }
    }
    return new SalesDelta(from, to, facts.channel(), orders, gross, cancelled, cancelledMinor,
        cancelled > 0 ? reasonKey(facts.cancelReason()) : null, sold, orders * facts.costMinor(),
        cancelled * facts.costMinor(), sign * facts.discountMinor(), facts.promoSource(), revenue, cost);
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
    Map<String, OrderFacts.Line> bySku = new LinkedHashMap<>();
    lines.forEach(l -> bySku.merge(l.sku(), l, (a, b) -> new OrderFacts.Line(a.sku(), a.qty() + b.qty(),
        a.revenueMinor() + b.revenueMinor(), a.costMinor() + b.costMinor())));
    return List.copyOf(bySku.values());
  }
}
