package dev.storeops.reporting.dynamo;

import dev.storeops.reporting.SalesCounting;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table change (stream images) → the report items: an order version is counted by the plain
 * {@link SalesCounting} rule (sales per day and channel, cancellations by reason, SKU quantities,
 * bought-together pairs), a shop point's receipt is counted once (channel {@code OFFLINE:<pointId>}), a
 * stock change keeps the expiry index current; every other item is
 * ignored. Idempotent: a change delivered twice counts once.
 */
public final class ReportsStreamService {
  public enum Outcome { COUNTED, UNCHANGED, EXPIRY_INDEXED, IGNORED }

  private final DynamoExpiryIndex expiry;
  private final SalesCounting sales;
  private final ZoneId zone;
  private final DynamoReportStore store;
  private final DynamoPointSaleCounting pointSales;

  public ReportsStreamService(DynamoReportStore store, ZoneId zone) {
    this.store = store;
    this.expiry = new DynamoExpiryIndex(store.dynamo(), store.table());
    this.sales = new SalesCounting(store);
    this.zone = zone;
    this.pointSales = new DynamoPointSaleCounting(store.dynamo(), store.table());
  }

  public Outcome apply(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    if (OrderItems.isOrder(newImage)) {
      boolean counted = sales.count(OrderItems.facts(newImage, zone));
      // cash in / refunds by day (docs/money.md): each movement counted once per order
      counted |= store.countCash(OrderItems.cash(newImage, zone)) > 0;
      // returns after delivery: each taken off the figures once (docs/returns.md)
      counted |= store.countReturns(OrderItems.returns(newImage, zone)) > 0;
      return counted ? Outcome.COUNTED : Outcome.UNCHANGED;
    }
    if (OrderItems.isStock(newImage) || OrderItems.isStock(oldImage)) {
      expiry.apply(oldImage, newImage);
      return Outcome.EXPIRY_INDEXED;
    }
    if (DynamoPointSaleCounting.isPointSale(newImage) && (oldImage == null || oldImage.isEmpty())) {
      // a shop point's receipt (docs/points.md): counted once as channel OFFLINE:<pointId>
      return pointSales.count(DynamoPointSaleCounting.facts(newImage, zone)) ? Outcome.COUNTED : Outcome.UNCHANGED;
    }
    return Outcome.IGNORED;
  }
}
