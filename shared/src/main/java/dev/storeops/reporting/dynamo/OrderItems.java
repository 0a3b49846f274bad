package dev.storeops.reporting.dynamo;

import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.reporting.OrderCash;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.ReturnFacts;
import dev.storeops.platform.dynamo.Items;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the facts the reports need from an order item (docs/data-model.md, type {@code Order}). */
public final class OrderItems {
  /** The sort key of an order item ({@code ORDER#<id> / ORDER}). */
  static final String ORDER_SK = "ORDER";
  private OrderItems() {}

  /** Whether the item is an order ({@code pk ORDER#…}, {@code sk ORDER}). */
  public static boolean isOrder(Map<String, AttributeValue> item) {
    return item != null && ORDER_SK.equals(Items.str(item, TableKeys.SK)) && String.valueOf(Items.str(item, TableKeys.PK)).startsWith(TableKeys.ORDER.text());
  }

  /** Whether the item is a stock item ({@code pk SKU#…}, {@code sk STOCK#…}). */
  public static boolean isStock(Map<String, AttributeValue> item) {
    return item != null && String.valueOf(Items.str(item, TableKeys.SK)).startsWith(TableKeys.STOCK.text())
        && String.valueOf(Items.str(item, TableKeys.PK)).startsWith(TableKeys.SKU.text());
  }

  public static OrderFacts facts(Map<String, AttributeValue> item, ZoneId zone) {
    String id = Items.str(item, "id");
    Instant created = Instant.parse(Items.str(item, "createdAt"));
    LocalDate day = created.atZone(zone).toLocalDate();
    String channel = Items.str(item, "channel");
    List<OrderFacts.Line> lines = new ArrayList<>();
    long cost = 0;
    AttributeValue l = item.get("lines");
    if (l != null && l.hasL()) {
      for (AttributeValue line : l.l()) {
        if (line.hasM()) {
          Map<String, AttributeValue> m = line.m();
          long lineCost = Items.num(m, "costMinor", 0); // unknown cost (no purchase price) counts 0
          cost += lineCost;
          lines.add(new OrderFacts.Line(Items.str(m, "sku"), Items.num(m, "qty", 0),
              Items.num(m, "lineTotalMinor", 0) - Items.num(m, "discountMinor", 0), lineCost));
        }
      }
    }
    long discount = 0;
    String promoSource = null;
    AttributeValue promo = item.get("promo");
    if (promo != null && promo.hasM()) {
      discount = Items.num(promo.m(), "discountMinor", 0);
      promoSource = Items.str(promo.m(), "source");
    }
    // a refused parcel (RETURNING, RETURNED) is no sale: counted as taken back, with its reason
    // ("parcel refused", "parcel not collected"; docs/returns.md)
    String status = Items.str(item, "status");
    boolean cancelled = "CANCELLED".equals(status) || "RETURNING".equals(status) || "RETURNED".equals(status);
    String reason = null;
    AttributeValue history = item.get("statusHistory");
    if (cancelled && history != null && history.hasL()) {
      String why = "CANCELLED".equals(status) ? "CANCELLED" : "RETURNING";
      for (AttributeValue h : history.l()) {
        if (h.hasM() && why.equals(Items.str(h.m(), "status"))) {
          reason = Items.str(h.m(), "reason");
        }
      }
    }
    return new OrderFacts(id, day, channel == null ? "SITE" : channel, Items.num(item, "totalMinor", 0), lines,
        cancelled, reason, cost, discount, promoSource);
  }

  /** The order's returns after delivery ({@code returns}, docs/returns.md), each as the reports count it. */
  public static List<ReturnFacts> returns(Map<String, AttributeValue> item, ZoneId zone) {
    AttributeValue returns = item.get("returns");
    if (returns == null || !returns.hasL() || returns.l().isEmpty()) {
      return List.of();
    }
    String id = Items.str(item, "id");
    LocalDate orderDay = Instant.parse(Items.str(item, "createdAt")).atZone(zone).toLocalDate();
    String channel = Items.str(item, "channel");
    List<ReturnFacts> out = new ArrayList<>();
    for (AttributeValue r : returns.l()) {
      if (!r.hasM()) {
        continue;
      }
      Map<String, AttributeValue> m = r.m();
      List<ReturnFacts.Line> lines = new ArrayList<>();
      AttributeValue l = m.get("lines");
      if (l != null && l.hasL()) {
        for (AttributeValue line : l.l()) {
          if (line.hasM()) {
            lines.add(new ReturnFacts.Line(Items.str(line.m(), "sku"), Items.num(line.m(), "qty", 0),
                Items.num(line.m(), "amountMinor", 0), Items.num(line.m(), "costMinor", 0)));
          }
        }
      }
      Instant at = Items.instant(m, "at");
      out.add(new ReturnFacts(id, (int) Items.num(m, "n", out.size() + 1), orderDay,
          at == null ? orderDay : at.atZone(zone).toLocalDate(), channel == null ? "SITE" : channel,
          Items.num(m, "amountMinor", 0), Items.num(m, "costMinor", 0), lines));
    }
    return out;
  }

  /**
   * The cash the order moved ({@link OrderCash}): in on its first PAID (prepaid) or DELIVERED (cash on
   * delivery), refunded when it was cancelled after being paid.
   */
  public static OrderCash cash(Map<String, AttributeValue> item, ZoneId zone) {
    boolean cod = "CASH_ON_DELIVERY".equals(Items.str(item, "paymentMethod"));
    Instant in = null;
    Instant refund = null;
    AttributeValue history = item.get("statusHistory");
    if (history != null && history.hasL()) {
      for (AttributeValue h : history.l()) {
        if (!h.hasM()) {
          continue;
        }
        String status = Items.str(h.m(), "status");
        Instant at = Items.instant(h.m(), "at");
        if (in == null && (cod ? "DELIVERED" : "PAID").equals(status)) {
          in = at;
        } else if (in != null && !cod && ("CANCELLED".equals(status) || "RETURNED".equals(status))) {
          // a paid order cancelled, or its refused parcel back (docs/returns.md): the money goes back
          refund = at;
        }
      }
    }
    return new OrderCash(Items.str(item, "id"), in == null ? null : in.atZone(zone).toLocalDate(),
        refund == null ? null : refund.atZone(zone).toLocalDate(), Items.num(item, "totalMinor", 0));
  }
}
