package dev.storeops.messaging.dynamo;

import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.MailFigures;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.messaging.flows.AbandonedCartFlow;
import dev.storeops.messaging.flows.DueMailFlow;
import dev.storeops.messaging.flows.ReactivationChain;
import dev.storeops.messaging.flows.ReorderReminderFlow;
import dev.storeops.messaging.flows.ReviewRequestFlow;
import dev.storeops.ordering.dynamo.DynamoCartStore;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.Job;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.dynamo.DueWorkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wiring: the order-driven mail flows (issue 7) on DynamoDB; names are the schedules' Input {@code
 * job}. The delayed flows (abandoned cart, review request) read the due-work index with a clock
 * lagged by their delay.
 */
public final class MailFlowJobs {
  /**
   * Settings (env: ABANDONED_CART_HOURS, REVIEW_REQUEST_DAYS, REACTIVATION_STEP_DAYS); {@code batch} =
   * due items read per round.
   */
  public record Settings(Duration abandonedCartAfter, Duration reviewAfter, Duration reactivationStepGap, int batch) {
    public static final int BATCH = 1000;

    public static Settings defaults() {
      return new Settings(Duration.ofHours(10), Duration.ofDays(7), Duration.ofDays(7), BATCH);
    }

    /** From the environment, each variable defaulting to {@link #defaults()}. */
    public static Settings from(dev.storeops.platform.config.Env env) {
      Settings d = defaults();
      return new Settings(Duration.ofHours(env.optionalInt("ABANDONED_CART_HOURS", (int) d.abandonedCartAfter().toHours())),
          Duration.ofDays(env.optionalInt("REVIEW_REQUEST_DAYS", (int) d.reviewAfter().toDays())),
          Duration.ofDays(env.optionalInt("REACTIVATION_STEP_DAYS", (int) d.reactivationStepGap().toDays())), d.batch());
    }
  }

  private MailFlowJobs() {}

  public static Map<String, Job> create(DynamoDbClient dynamo, String table, MailOutbox outbox, MailFigures figures,
      Clock clock, ZoneId zone, String publicBaseUrl, Settings settings) {
    DueWorkStore now = new DueWorkStore(dynamo, table, clock);
    DueMailFlow.Deps deps = new DueMailFlow.Deps(new DynamoMailFlows(dynamo, table, clock),
        new DynamoCustomerStore(dynamo, table), outbox, figures, clock, zone, publicBaseUrl, settings.batch(),
        new PoisonItems(now));
    Map<String, Job> jobs = new LinkedHashMap<>();
    jobs.put(AbandonedCartFlow.FLOW, new AbandonedCartFlow(deps,
        DynamoDueQueue.carts(lagged(dynamo, table, clock, settings.abandonedCartAfter()), DynamoCartStore.ABANDONED_CART),
        new DynamoCartStore(dynamo, table, clock), new DynamoCatalog(dynamo, table, clock)));
    jobs.put(ReorderReminderFlow.FLOW, new ReorderReminderFlow(deps, DynamoDueQueue.reorders(now)));
    jobs.put(ReactivationChain.FLOW, new ReactivationChain(deps, DynamoDueQueue.reactivations(now),
        settings.reactivationStepGap()));
    jobs.put(ReviewRequestFlow.FLOW, new ReviewRequestFlow(deps,
        DynamoDueQueue.reviewRequests(lagged(dynamo, table, clock, settings.reviewAfter())),
        new DynamoOrderStore(dynamo, table, clock)));
    return jobs;
  }

  private static DueWorkStore lagged(DynamoDbClient dynamo, String table, Clock clock, Duration delay) {
    return new DueWorkStore(dynamo, table, Clock.offset(clock, delay.negated()));
  }
}
