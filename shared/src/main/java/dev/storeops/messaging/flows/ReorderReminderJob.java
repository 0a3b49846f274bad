package dev.storeops.messaging.flows;

import dev.storeops.customers.Customer;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.platform.dynamo.Items;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Regular-order reminder: {@code CUSTOMER#<id> / MAILFLOW#reorder} is due at the last order + the
 * customer's usual interval ({@code MailFlowRules.reorderInterval}). One reminder per last order:
 * {@code reorder-reminder#<customerId>#<lastOrderId>}; a newer order stops it (its event reschedules).
 */
public final class ReorderReminderJob extends DueMailJob {
  static final String FLOW = "reorder-reminder";

  ReorderReminderJob(Deps deps, DueWorkStore due) {
    super(deps, due, DynamoMailFlows.REORDER, FLOW);
  }

  @Override
  Outcome handle(Map<String, AttributeValue> item) {
    String customerId = Items.str(item, "customerId");
    Instant lastOrderAt = Instant.parse(Items.str(item, "lastOrderAt"));
    Recipient recipient = sinceLastOrder(item, lastOrderAt);
    if (recipient.skipped() != null) {
      return recipient.skipped();
    }
    Customer customer = recipient.customer();
    String lastOrderId = Items.str(item, "lastOrderId");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerName", customer.name());
    data.put("intervalDays", Items.num(item, "intervalDays", 0));
    data.put("lastOrderDate", LocalDate.ofInstant(lastOrderAt, deps.zone()).toString());
    data.put("reorderUrl", deps.publicBaseUrl() + "/orders/" + lastOrderId + "/reorder");
    deps.outbox().send(marketing(FLOW + "#" + customerId + "#" + lastOrderId, "reorder-reminder", customer, data));
    clear(item);
    return Outcome.PLANNED;
  }
}
