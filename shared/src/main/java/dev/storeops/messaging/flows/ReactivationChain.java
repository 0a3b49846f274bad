package dev.storeops.messaging.flows;

import dev.storeops.customers.Customer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reactivation chain rule: a customer is due (kind {@code reactivation}) {@link
 * MailFlowRules#REACTIVATION_AFTER} (90 days) after the last order with step 1; each step sent moves
 * the item {@code REACTIVATION_STEP_DAYS} (default 7 days) on with the next step, up to {@link
 * MailFlowRules#REACTIVATION_STEPS} (3). Any order stops the chain: its event rewrites the item to
 * the new last order + 90 days, step 1; an order this flow sees before its event also stops it.
 * Dedupe key {@code reactivation#<customerId>#<lastOrderId>#<step>} (the last order names the chain,
 * so a customer who goes quiet again later gets a new chain).
 */
public final class ReactivationChain extends DueMailFlow<DueReactivation> {
  public static final String FLOW = "reactivation";
  private final Duration stepGap;

  public ReactivationChain(Deps deps, DueQueue<DueReactivation> due, Duration stepGap) {
    super(deps, due, FLOW);
    this.stepGap = stepGap;
  }

  @Override
  Outcome handle(DueReactivation item) {
    Recipient recipient = sinceLastOrder(item.due(), item.customerId(), item.lastOrderAt());
    if (recipient.skipped() != null) {
      return recipient.skipped();
    }
    Customer customer = recipient.customer();
    int step = item.step();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customerName", customer.name());
    data.put("step", step);
    deps.outbox().send(marketing(FLOW + "#" + item.customerId() + "#" + item.lastOrderId() + "#" + step,
        "reactivation", customer, data));
    Optional<Instant> next = MailFlowRules.nextReactivationStep(step, item.due().dueAt(), stepGap);
    if (next.isPresent()) {
      deps.flows().moveDue(item.due(), MailFlows.REACTIVATION, next.get(), item.customerId(), step + 1);
    } else {
      clear(item.due());
    }
    return Outcome.PLANNED;
  }
}
