package dev.storeops.messaging.flows;

import dev.storeops.customers.Customer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regular-order reminder rule: a customer with at least 2 orders is due (kind {@code reorder}) at
 * the last order + the customer's usual interval ({@link MailFlowRules#reorderInterval}: the median
 * gap between orders, gaps under one day dropped, whole days, at least one day). One reminder per
 * last order: {@code reorder-reminder#<customerId>#<lastOrderId>}; a newer order stops it (its event
 * reschedules).
 */
public final class ReorderReminderFlow extends DueMailFlow<DueReorder> {
  public static final String FLOW = "reorder-reminder";

  public ReorderReminderFlow(Deps deps, DueQueue<DueReorder> due) {
    super(deps, due, FLOW);
  }

  @Override
  Outcome handle(DueReorder item) {
    Recipient recipient = sinceLastOrder(item.due(), item.customerId(), item.lastOrderAt());
    if (recipient.skipped() != null) {
      return recipient.skipped();
    }
    Customer customer = recipient.customer();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerName", customer.name());
    data.put("intervalDays", item.intervalDays());
    data.put("lastOrderDate", LocalDate.ofInstant(item.lastOrderAt(), deps.zone()).toString());
    data.put("reorderUrl", deps.publicBaseUrl() + "/orders/" + item.lastOrderId() + "/reorder");
    deps.outbox().send(marketing(FLOW + "#" + item.customerId() + "#" + item.lastOrderId(), "reorder-reminder",
        customer, data));
    clear(item.due());
    return Outcome.PLANNED;
  }
}
