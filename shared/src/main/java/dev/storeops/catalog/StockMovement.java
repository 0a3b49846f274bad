package dev.storeops.catalog;

import java.time.Instant;

/**
 * One entry of a SKU's movement journal (docs/stock-ledger.md): what moved the stock of a SKU in a
 * warehouse, by how much, who did it, why, and the order or file it belongs to. Written in the same
 * transaction as the movement, so the journal and the stock cannot disagree.
 *
 * @param movement one of {@link #RESERVE}, {@link #RELEASE}, {@link #CONSUME}, {@link #SUPPLIER_IMPORT},
 *     {@link #STAFF_SET}, {@link #REPAIR}, {@link #RETURN_TO_STOCK},
 *     {@link #WRITE_OFF}, {@link #POINT_SALE}
 * @param qty the units the movement is about (reserved, released, shipped, or the new count)
 * @param onHandBefore/onHandAfter/reservedBefore/reservedAfter the levels around the movement; {@code null}
 *     where the writer does not read them (a reservation is a relative update: only its changes are exact)
 * @param onHandChange/reservedChange the exact change of {@code onHand} and {@code reserved}
 * @param actor who moved it: a staff id, {@code customer}, {@code supplier:<id>} or {@code rule:<name>}/{@code system}
 * @param reason a sentence a shop owner understands
 * @param ref the order id or the supplier file the movement belongs to
 */
public record StockMovement(Instant at, String sku, String warehouse, String movement, long qty, Long onHandBefore,
    Long onHandAfter, Long reservedBefore, Long reservedAfter, long onHandChange, long reservedChange, String actor,
    String reason, String ref) {
  public static final String RESERVE = "reserve";
  public static final String RELEASE = "release";
  public static final String CONSUME = "consume";
  public static final String SUPPLIER_IMPORT = "supplier-import";
  public static final String STAFF_SET = "staff-set";
  public static final String REPAIR = "repair";
  /** Returned units put back on the shelf: {@code onHand += q} (docs/returns.md). */
  public static final String RETURN_TO_STOCK = "return-to-stock";
  /** Returned units that came back unusable: recorded, {@code onHand} unchanged (docs/returns.md). */
  public static final String WRITE_OFF = "write-off";
  /** A shop point's till sold units ({@code onHand −= q}, docs/points.md). */
  public static final String POINT_SALE = "point-sale";

  /** An order reserved {@code r.qty()} units (a relative update: the levels around it are not read). */
  public static StockMovement reserve(Instant at, Reservation r, String orderId, String orderNumber, String actor) {
    return new StockMovement(at, r.sku(), r.warehouse(), RESERVE, r.qty(), null, null, null, null, 0, r.qty(), actor,
        "order " + orderNumber + " reserved " + r.qty(), orderId);
  }

  /** A movement written as absolute values: the levels before and after are exact. */
  public static StockMovement absolute(Instant at, String sku, String warehouse, String movement, long qty,
      StockLedger.Levels before, StockLedger.Levels after, String actor, String reason, String ref) {
    return new StockMovement(at, sku, warehouse, movement, qty, before.onHand(), after.onHand(), before.reserved(),
        after.reserved(), after.onHand() - before.onHand(), after.reserved() - before.reserved(), actor, reason, ref);
  }

  /** The available units after the movement, where the levels are known. */
  public Long availableAfter() {
    return onHandAfter == null || reservedAfter == null ? null : Math.max(0, onHandAfter - reservedAfter);
  }
}
