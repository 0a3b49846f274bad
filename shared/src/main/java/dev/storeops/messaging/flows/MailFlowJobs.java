package dev.storeops.messaging.flows;

import dev.storeops.messaging.flows.AbandonedCartJob;
import dev.storeops.messaging.flows.DueMailJob;
import dev.storeops.messaging.flows.ReactivationJob;
import dev.storeops.messaging.flows.ReorderReminderJob;
import dev.storeops.messaging.flows.ReviewRequestJob;
import dev.storeops.platform.Job;

import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.messaging.MailFigures;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.ordering.dynamo.DynamoCartStore;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The order-driven mail flow jobs (issue 7), wired to DynamoDB; names are the schedules' Input {@code job}. */
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
    DueMailJob.Deps deps = new DueMailJob.Deps(new DynamoMailFlows(dynamo, table),
        new DynamoCustomerStore(dynamo, table), outbox, figures, clock, zone, publicBaseUrl, settings.batch());
    Map<String, Job> jobs = new LinkedHashMap<>();
    jobs.put(AbandonedCartJob.FLOW, new AbandonedCartJob(deps,
        new DueWorkStore(dynamo, table, Clock.offset(clock, settings.abandonedCartAfter().negated())),
        new DynamoCartStore(dynamo, table), new DynamoCatalog(dynamo, table, clock)));
    jobs.put(ReorderReminderJob.FLOW, new ReorderReminderJob(deps, new DueWorkStore(dynamo, table, clock)));
    jobs.put(ReactivationJob.FLOW, new ReactivationJob(deps, new DueWorkStore(dynamo, table, clock),
        settings.reactivationStepGap()));
    jobs.put(ReviewRequestJob.FLOW, new ReviewRequestJob(deps,
        new DueWorkStore(dynamo, table, Clock.offset(clock, settings.reviewAfter().negated())),
        new DynamoOrderStore(dynamo, table)));
    return jobs;
  }
}
