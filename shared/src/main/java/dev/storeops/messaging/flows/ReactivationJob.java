package dev.storeops.messaging.flows;

import dev.storeops.customers.Customer;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.messaging.flows.MailFlowRules;
import dev.storeops.platform.dynamo.Items;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reactivation chain: {@code CUSTOMER#<id> / MAILFLOW#reactivation} is due 90 days after the last
 * order with {@code step} 1; each step sent moves it {@code REACTIVATION_STEP_DAYS} (default 7) on
 * with the next step, up to 3. Any order stops the chain: its event rewrites the item to the new
 * last order + 90 days, step 1; an order this job sees before its event also stops it. Dedupe key
 * {@code reactivation#<customerId>#<lastOrderId>#<step>} (the last order names the chain, so a
 * customer who goes quiet again later gets a new chain).
 */
public final class ReactivationJob extends DueMailJob {
  static final String FLOW = "reactivation";
  private final Duration stepGap;

  ReactivationJob(Deps deps, DueWorkStore due, Duration stepGap) {
    super(deps, due, DynamoMailFlows.REACTIVATION, FLOW);
    this.stepGap = stepGap;
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
    int step = (int) Items.num(item, "step", 1);
    String lastOrderId = Items.str(item, "lastOrderId");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerName", customer.name());
    data.put("step", step);
    deps.outbox().send(marketing(FLOW + "#" + customerId + "#" + lastOrderId + "#" + step, "reactivation",
        customer, data));
    Instant dueAt = DueWork.instantOf(dueSk(item));
    Optional<Instant> next = MailFlowRules.nextReactivationStep(step, dueAt, stepGap);
    if (next.isPresent()) {
      deps.flows().moveDue(key(item), dueSk(item), DynamoMailFlows.REACTIVATION, next.get(), customerId, step + 1);
    } else {
      clear(item);
    }
    return Outcome.PLANNED;
  }
}
