package dev.storeops.fulfilment;

import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockMovement;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.errors.Unprocessable;
import dev.storeops.platform.errors.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A return after delivery (docs/returns.md): only a DELIVERED order takes returns; each returned line
 * names an SKU of the order and at most the units delivered less those already returned; per line the
 * units go back on the shelf ({@code restock}: {@code return-to-stock}, onHand += q) or are written off
 * ({@code writeOff}: {@code write-off}, onHand unchanged — the unit left with the parcel and came back
 * unusable). The money due back per line is its share of what the customer paid for the line (line
 * total less its discount, spread over its units so that all units together give back exactly that;
 * delivery is not refunded). The return is recorded on the order ({@code returns}, {@code RETURN#<n>})
 * with its refund still {@code pending}; the same idempotency key with the same body changes nothing.
 * Decides only; no I/O.
 */
public final class ReturnPolicy {
  public static final int MAX_REASON_LENGTH = 500;
  public static final String RESTOCK = "restock";
  public static final String WRITE_OFF = "writeOff";

  /** One returned line: the SKU, units and what happens to them ({@code restock} or {@code writeOff}). */
  public record Line(String sku, Integer qty, String disposition) {}

  /** The body of {@code POST /staff/orders/{id}/returns}. */
  public record Request(List<Line> lines, String reason) {}

  /**
   * The return to record, or null when {@code keyHash} already recorded this very request (a replay).
   *
   * @param keyHash the hash of the idempotency key (scoped by the caller)
   * @param requestHash the hash of the request body; the same key with another body is a 422
   * @param refundMethod how the money goes back ({@link RefundRoutePolicy})
   */
  public OrderChange decide(OrderFile f, Request r, String keyHash, String requestHash, String refundMethod, String by,
      Instant now) {
    Optional<Map<String, Object>> earlier = byKey(f, keyHash);
    if (earlier.isPresent()) {
      if (!requestHash.equals(earlier.get().get("requestHash"))) {
        throw new Unprocessable("idempotency-key-reused",
            "This Idempotency-Key was used for another return of this order; use a new key.");
      }
      return null;
    }
    Order o = f.order();
    if (o.status() != OrderStatus.DELIVERED) {
      throw new Conflict("not-returnable", "Only a delivered order takes a return; this one is " + o.status()
          + (o.status().refused() || o.status() == OrderStatus.SHIPPED ? " (a refused parcel: POST …/refusal)" : "") + ".",
          List.of(new FieldError("status", "is " + o.status() + "; a return needs DELIVERED")));
    }
    Validation v = new Validation();
    String reason = r == null || r.reason() == null ? null : r.reason().strip();
    if (reason == null || reason.isEmpty()) {
      v.error("reason", "is required");
    } else if (reason.length() > MAX_REASON_LENGTH) {
      v.error("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
    }
    List<Line> lines = r == null || r.lines() == null ? List.of() : r.lines();
    if (lines.isEmpty()) {
      v.error("lines", "must name at least one line");
    }
    Map<String, OrderLine> bySku = new HashMap<>();
    o.lines().forEach(l -> bySku.put(l.sku(), l));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      String at = "lines[" + i + "]";
      if (l == null || l.sku() == null || !bySku.containsKey(l.sku())) {
        v.error(at + ".sku", "is not a line of this order");
      } else if (!seen.add(l.sku())) {
        v.error(at + ".sku", "is listed twice");
      }
      if (l == null || l.qty() == null || l.qty() < 1) {
        v.error(at + ".qty", "must be at least 1");
      }
      if (l == null || disposition(l.disposition()) == null) {
        v.error(at + ".disposition", "must be restock or writeOff");
      }
    }
    v.throwIfInvalid();
    Map<String, Integer> returned = returnedSoFar(f);
    List<FieldError> over = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      int returnable = bySku.get(l.sku()).qty() - returned.getOrDefault(l.sku(), 0);
      if (l.qty() > returnable) {
        over.add(new FieldError("lines[" + i + "].qty", "at most " + returnable + " of " + l.sku()
            + " can still be returned (delivered " + bySku.get(l.sku()).qty() + ")"));
      }
    }
    if (!over.isEmpty()) {
      throw new Conflict("return-exceeds-delivered", "A line returns more units than were delivered and not yet returned.",
          over);
    }
    int n = f.returns().size() + 1;
    String returnId = "RETURN#" + n;
    OrderChange change = new OrderChange(f, now);
    List<Map<String, Object>> recorded = new ArrayList<>();
    long amount = 0;
    long cost = 0;
    for (Line l : lines) {
      OrderLine line = bySku.get(l.sku());
      int before = returned.getOrDefault(l.sku(), 0);
      long lineAmount = share(line.netMinor(), line.qty(), before, l.qty());
      long lineCost = line.costMinor() == null ? 0 : share(line.costMinor(), line.qty(), before, l.qty());
      String disposition = disposition(l.disposition());
      String movement = RESTOCK.equals(disposition) ? StockMovement.RETURN_TO_STOCK : StockMovement.WRITE_OFF;
      List<Map<String, Object>> warehouses = new ArrayList<>();
      for (Map.Entry<String, Integer> w : warehouses(o, l.sku(), before, l.qty()).entrySet()) {
        warehouses.add(Map.of("warehouse", w.getKey(), "qty", w.getValue()));
        change.stockReturn(new OrderChange.StockReturn(l.sku(), w.getKey(), w.getValue(), movement, by,
            "order " + o.number() + " " + returnId.toLowerCase(Locale.ROOT).replace('#', ' ') + ": " + w.getValue()
                + (RESTOCK.equals(disposition) ? " back on the shelf" : " written off (came back unusable)")));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sku", l.sku());
      m.put("qty", l.qty());
      m.put("disposition", disposition);
      m.put("amountMinor", lineAmount);
      m.put("costMinor", lineCost);
      m.put("warehouses", warehouses);
      recorded.add(m);
      amount += lineAmount;
      cost += lineCost;
    }
    Map<String, Object> refund = new LinkedHashMap<>();
    refund.put("method", amount == 0 ? RefundRoutePolicy.NONE : refundMethod);
    refund.put("amountMinor", amount);
    refund.put("status", amount == 0 ? "none" : "pending");
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", returnId);
    record.put("n", n);
    record.put("at", now.toString());
    record.put("by", by);
    record.put("reason", reason);
    record.put("lines", recorded);
    record.put("amountMinor", amount);
    record.put("costMinor", cost);
    record.put("currency", o.currency());
    record.put("refund", refund);
    record.put("idempotencyKey", keyHash);
    record.put("requestHash", requestHash);
    return change.returnAdded(record);
  }

  /** The return recorded under {@code keyHash}, if any. */
  public static Optional<Map<String, Object>> byKey(OrderFile f, String keyHash) {
    return f.returns().stream().filter(r -> keyHash.equals(r.get("idempotencyKey"))).findFirst();
  }

  /** Units of each SKU returned so far. */
  public static Map<String, Integer> returnedSoFar(OrderFile f) {
    Map<String, Integer> out = new HashMap<>();
    for (Map<String, Object> r : f.returns()) {
      Object lines = r.get("lines");
      if (lines instanceof List<?> list) {
        for (Object o : list) {
          if (o instanceof Map<?, ?> m && m.get("sku") != null && m.get("qty") instanceof Number q) {
            out.merge(m.get("sku").toString(), q.intValue(), Integer::sum);
          }
        }
      }
    }
    return out;
  }

  /**
   * The share of {@code total} (spread over {@code units}) of the units {@code from+1 … from+qty}:
   * ⌊total × (from+qty) / units⌋ − ⌊total × from / units⌋, so all units together give exactly {@code total}.
   */
  static long share(long total, int units, int from, int qty) {
    return Math.floorDiv(Math.multiplyExact(total, (long) (from + qty)), units)
        - Math.floorDiv(Math.multiplyExact(total, (long) from), units);
  }

  /** Which warehouses the returned units left from: the line's reservations in order, after those returned before. */
  static Map<String, Integer> warehouses(Order o, String sku, int before, int qty) {
    Map<String, Integer> out = new LinkedHashMap<>();
    int skip = before;
    int left = qty;
    String last = null;
    for (Reservation r : o.reservations()) {
      if (!r.sku().equals(sku) || left == 0) {
        continue;
      }
      last = r.warehouse();
      int take = Math.max(0, r.qty() - skip);
      skip = Math.max(0, skip - r.qty());
      take = Math.min(take, left);
      if (take > 0) {
        out.merge(r.warehouse(), take, Integer::sum);
        left -= take;
      }
    }
    if (left > 0) {
      // units beyond the reservations recorded (an order from before reservations were kept): the last
      // warehouse of the line, else the pickup warehouse; with neither, nobody knows where they go back
      String to = last != null ? last : o.delivery() != null ? o.delivery().warehouse() : null;
      if (to == null) {
        throw new Unprocessable("return-warehouse-unknown", "The order does not say which warehouse " + sku
            + " left from; count the units back with a stock count instead.");
      }
      out.merge(to, left, Integer::sum);
    }
    return out;
  }

  private static String disposition(String raw) {
    if (raw == null) {
      return null;
    }
    String d = raw.strip();
    if (d.equalsIgnoreCase(RESTOCK)) {
      return RESTOCK;
    }
    if (d.equalsIgnoreCase(WRITE_OFF) || d.equalsIgnoreCase("write-off") || d.equalsIgnoreCase("write_off")) {
      return WRITE_OFF;
    }
    return null;
  }
}
