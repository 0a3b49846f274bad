package dev.storeops.catalog;

import java.util.List;
import java.util.Optional;

/** Where shop points' sales are recorded, each with its stock movements (DynamoDB in production). */
public interface PointSales {
  /** One SKU's stock at the point around the sale. */
  record Moved(String sku, StockLedger.Levels before, StockLedger.Levels after) {}

  /**
   * The stored sale and what it moved: {@code moved} is empty when the receipt was recorded already
   * ({@code stored} is then the first recording).
   */
  record Recorded(PointSale stored, boolean first, List<Moved> moved) {}

  Optional<PointSale> find(String pointId, String receiptNumber);

  /**
   * Records the sale and decrements the point's stock per SKU ({@code onHand −= q}, not below 0;
   * {@code available = max(0, onHand − reserved)}) with a {@code point-sale} journal entry each — all in
   * one transaction, conditioned on the receipt not being recorded yet. A receipt recorded meanwhile
   * answers that recording.
   */
  Recorded record(PointSale sale);
}
