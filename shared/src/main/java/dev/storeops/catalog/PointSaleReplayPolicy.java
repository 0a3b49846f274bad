package dev.storeops.catalog;

import dev.storeops.platform.errors.Conflict;

/**
 * A till sends a receipt again (a retry after a timeout, the daily export after the live posts, a file
 * uploaded twice): the receipt number is the key (docs/points.md). The same receipt again is a
 * <b>replay</b> — the first result is answered and nothing is decremented a second time; the same number
 * with other lines, total or time is a different receipt under a number already used — refused
 * ({@code 409 receipt-reused}), nothing written.
 */
public final class PointSaleReplayPolicy {
  private PointSaleReplayPolicy() {}

  public enum Decision { RECORD, REPLAY }

  /** @param recorded the sale stored under this point and receipt number, or null */
  public static Decision decide(PointSale recorded, PointSale incoming) {
    if (recorded == null) {
      return Decision.RECORD;
    }
    if (recorded.content().equals(incoming.content())) {
      return Decision.REPLAY;
    }
    throw new Conflict("receipt-reused", "Receipt " + incoming.receiptNumber() + " of point " + incoming.pointId()
        + " was recorded on " + recorded.recordedAt() + " with other lines or total; a receipt number is used once",
        java.util.List.of(new dev.storeops.platform.errors.FieldError("receiptNumber", "is already recorded with other content")));
  }
}
