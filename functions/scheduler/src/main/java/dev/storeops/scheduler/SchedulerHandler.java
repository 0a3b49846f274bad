package dev.storeops.scheduler;

import dev.storeops.messaging.dynamo.MailFlowJobs;
import dev.storeops.messaging.campaigns.CampaignPlanner;
import dev.storeops.messaging.campaigns.CampaignSegments;
import dev.storeops.messaging.dynamo.DynamoBirthdays;
import dev.storeops.messaging.dynamo.DynamoPromoCodes;
import dev.storeops.messaging.flows.BirthdayPlanner;
import dev.storeops.platform.Job;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.messaging.dynamo.DynamoConsentSegment;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.reporting.PurchasePlanner;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.s3.S3SupplierTerms;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * EventBridge Scheduler (ScheduleV2) target. Each schedule's Input names the job, e.g. {@code
 * {"job":"birthday"}}; the handler dispatches to it. Jobs are registered in {@link #jobs()}; other
 * features add theirs (payment jobs) the same way.
 */
public final class SchedulerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Log LOG = Log.get(SchedulerHandler.class);
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  public SchedulerHandler() {
    this(Env.system());
  }

  public SchedulerHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (tests of the timing rules). */
  public SchedulerHandler(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    ZoneId zone = ZoneId.of(env.optional("SHOP_TIME_ZONE", "Europe/Moscow"));
    SqsMailOutbox outbox = new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL"));
    jobs.put("birthday", new BirthdayPlanner(new DynamoBirthdays(dynamo, table), new DynamoPromoCodes(dynamo, table),
        outbox, new DynamoMailFigures(dynamo, table), clock, zone,
        env.optionalInt("BIRTHDAY_DISCOUNT_PERCENT", 10)));
    DynamoCampaigns campaigns = new DynamoCampaigns(dynamo, table);
    DynamoConsentSegment consent = new DynamoConsentSegment(dynamo, table);
    CampaignSegments segments = new CampaignSegments(consent, new DynamoOrderSegments(dynamo, table),
        clock);
    jobs.put("campaigns", new CampaignPlanner(new CampaignPlanner.Campaigns() {
      @Override
      public java.util.List<dev.storeops.messaging.campaigns.Campaign> due(java.time.Instant now, java.time.LocalDate oldest) {
        return campaigns.due(now, oldest);
      }

      @Override
      public void segment(String segment, java.util.function.Consumer<dev.storeops.customers.Customer> action) {
        segments.forEach(segment, action);
      }

      @Override
      public boolean markPlanned(String id, long planned, java.time.Instant now) {
        return campaigns.markPlanned(id, planned, now);
      }
    }, outbox, new DynamoMailFigures(dynamo, table), clock, zone));
    PaymentJobs.register(jobs, dynamo, table, outbox, clock, env);
    // reports (issue 8): daily stock near expiry, weekly purchase list, to the purchasing manager
    ReportService reports = new ReportService(new DynamoReportStore(dynamo, table),
        new S3SupplierTerms(clients.s3(), env.required("SUPPLIER_BUCKET")), clock, zone,
        env.optionalInt("REPORT_COVER_DAYS", PurchasePlanner.DEFAULT_COVER_DAYS));
    String purchasing = env.required("PURCHASING_EMAIL");
    jobs.put("expiring-stock", () -> reports.mailExpiring(outbox, purchasing));
    jobs.put("purchase-list", () -> reports.mailPurchaseList(outbox, purchasing));
    jobs.putAll(MailFlowJobs.create(dynamo, table, outbox, new DynamoMailFigures(dynamo, table), clock,
        zone, env.required("PUBLIC_BASE_URL"), new MailFlowJobs.Settings(
            java.time.Duration.ofHours(env.optionalInt("ABANDONED_CART_HOURS", 10)),
            java.time.Duration.ofDays(env.optionalInt("REVIEW_REQUEST_DAYS", 7)),
            java.time.Duration.ofDays(env.optionalInt("REACTIVATION_STEP_DAYS", 7)), MailFlowJobs.Settings.BATCH)));
  }

  public SchedulerHandler(Map<String, Job> jobs) {
    this.jobs.putAll(jobs);
  }

  public Map<String, Job> jobs() {
    return jobs;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Object name = input == null ? null : input.get("job");
    Job job = name == null ? null : jobs.get(name.toString());
    if (job == null) {
      // a schedule with a wrong Input is a deployment error: fail loudly (Scheduler retries, then its DLQ)
      throw new IllegalArgumentException("unknown scheduled job " + name + "; known: " + jobs.keySet());
    }
    long start = System.nanoTime();
    Map<String, Object> result = job.run();
    LOG.info("scheduled job done", "job", name, "durationMs", (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
