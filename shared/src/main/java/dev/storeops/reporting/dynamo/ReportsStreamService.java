package dev.storeops.reporting.dynamo;

import dev.storeops.platform.log.Log;
import dev.storeops.reporting.OrderFacts;
import dev.storeops.reporting.SalesDelta;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.OrderItems;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table change → the report items: an order version is counted (sales per day and channel,
 * cancellations by reason, SKU quantities, bought-together pairs), a stock change keeps the expiry
 * index current; every other item is ignored. Idempotent: a change delivered twice counts once.
 */
public final class ReportsStreamService {
  private static final Log LOG = Log.get(ReportsStreamService.class);

  public enum Outcome { COUNTED, UNCHANGED, EXPIRY_INDEXED, IGNORED }

  private final DynamoReportStore store;
  private final ZoneId zone;

  public ReportsStreamService(DynamoReportStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  public Outcome apply(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    if (OrderItems.isOrder(newImage)) {
      OrderFacts facts = OrderItems.facts(newImage, zone);
      SalesDelta delta = store.apply(facts);
      if (delta.empty()) {
        return Outcome.UNCHANGED;
      }
      LOG.info("order counted", "orderId", facts.orderId(), "from", delta.from(), "to", delta.to(),
          "day", facts.day().toString(), "channel", facts.channel());
      return Outcome.COUNTED;
    }
    if (OrderItems.isStock(newImage) || OrderItems.isStock(oldImage)) {
      store.applyStock(oldImage, newImage);
      return Outcome.EXPIRY_INDEXED;
    }
    return Outcome.IGNORED;
  }
}
