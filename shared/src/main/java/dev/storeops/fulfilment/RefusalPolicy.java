package dev.storeops.fulfilment;

import dev.storeops.catalog.Reservation;
import dev.storeops.catalog.StockMovement;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.platform.errors.Invalid;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A refused or not collected parcel (docs/returns.md): a SHIPPED order whose parcel was refused at the
 * door or not collected goes to RETURNING — it is no sale and its cash on delivery is never expected —;
 * when the parcel arrives back it goes to RETURNED (closed with the reason) and every unit it shipped is
 * put back on the shelf ({@code return-to-stock}, onHand += q, in the warehouse it left). A repeat of either
 * step changes nothing, so the units are restocked once. Decides only; no I/O.
 */
public final class RefusalPolicy {
  /** Who or what reported the refusal: a staff member or the carrier's status. */
  public static final String SOURCE_STAFF = "staff";
  public static final String SOURCE_CARRIER = "carrier";

  /** Why the parcel comes back; {@link #text} is the status history reason (and the reports' reason). */
  public enum Reason {
    REFUSED("parcel refused"),
    NOT_COLLECTED("parcel not collected");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /** Parses {@code REFUSED} / {@code NOT_COLLECTED} (any case); anything else is a 400 on {@code field}. */
    public static Reason parse(String raw, String field) {
      if (raw == null || raw.isBlank()) {
        throw Invalid.field(field, "is required: REFUSED or NOT_COLLECTED");
      }
      try {
        return valueOf(raw.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw Invalid.field(field, "must be REFUSED or NOT_COLLECTED");
      }
    }
  }

  /** SHIPPED → RETURNING with the reason; null when the parcel is already refused (RETURNING or RETURNED). */
  public OrderChange refuse(OrderFile f, Reason reason, String by, String source, Instant now) {
    if (f.order().status().refused()) {
      return null;
    }
    Transitions.requireAllowed(f.order(), OrderStatus.RETURNING);
    Map<String, Object> refusal = new LinkedHashMap<>();
    refusal.put("reason", reason.name());
    refusal.put("by", by);
    refusal.put("source", source);
    refusal.put("at", now.toString());
    return new OrderChange(f, now).refusal(refusal)
        .moved(OrderLifecycle.transition(f.order(), OrderStatus.RETURNING, now, by, reason.text()));
  }

  /**
   * RETURNING → RETURNED: the parcel is back; each unit the order shipped goes back on the shelf of the
   * warehouse it left ({@code return-to-stock}). Null when already RETURNED.
   */
  public OrderChange receive(OrderFile f, String by, Instant now) {
    if (f.order().status() == OrderStatus.RETURNED) {
      return null;
    }
    Transitions.requireAllowed(f.order(), OrderStatus.RETURNED);
    String why = reasonOf(f);
    OrderChange change = new OrderChange(f, now);
    for (Reservation r : f.order().reservations()) {
      change.stockReturn(new OrderChange.StockReturn(r.sku(), r.warehouse(), r.qty(), StockMovement.RETURN_TO_STOCK,
          by, "order " + f.order().number() + " " + why + ": " + r.qty() + " back on the shelf"));
    }
    return change.moved(OrderLifecycle.transition(f.order(), OrderStatus.RETURNED, now, by, "returned: " + why));
  }

  private static String reasonOf(OrderFile f) {
    Object reason = f.refusal() == null ? null : f.refusal().get("reason");
    if (reason != null) {
      try {
        return Reason.valueOf(reason.toString()).text();
      } catch (IllegalArgumentException ignored) {
        // an unknown stored reason: fall through to the generic text
      }
    }
    return "parcel came back";
  }
}
