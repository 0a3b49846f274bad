package dev.storeops.scheduler;

import dev.storeops.platform.aws.Priming;
import dev.storeops.reporting.ReportSettings;
import dev.storeops.messaging.campaigns.CampaignPlanner;
import dev.storeops.messaging.campaigns.CampaignSegments;
import dev.storeops.messaging.dynamo.DynamoBirthdays;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.messaging.dynamo.DynamoConsentSegment;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import dev.storeops.messaging.dynamo.DynamoPromoCodes;
import dev.storeops.messaging.flows.BirthdayPlanner;
import dev.storeops.messaging.dynamo.MailFlowJobs;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.fulfilment.SweepShortStock;
import dev.storeops.fulfilment.dynamo.DynamoShortStockMarks;
import dev.storeops.messaging.sqs.SqsSmsOutbox;
import dev.storeops.ordering.AnnounceOrders;
import dev.storeops.ordering.dynamo.DynamoOrderAnnouncements;
import dev.storeops.platform.Job;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.DynamoSupplierTerms;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.staff.TaskService;
import dev.storeops.staff.dynamo.DynamoTaskStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the scheduler's jobs once per container, each by the name its schedule's Input gives. */
final class SchedulerWiring {
  private SchedulerWiring() {}

  static Map<String, Job> jobs(Env env, Clock clock, Metrics metrics) {
    Map<String, Job> jobs = new LinkedHashMap<>();
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    ZoneId zone = ShopSettings.from(env).zone();
    SqsMailOutbox outbox = new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL"));
    DynamoMailFigures figures = new DynamoMailFigures(dynamo, table);
    jobs.put("birthday", new BirthdayPlanner(new DynamoBirthdays(dynamo, table), new DynamoPromoCodes(dynamo, table),
        outbox, figures, clock, zone, env.optionalInt("BIRTHDAY_DISCOUNT_PERCENT", 10)));
    jobs.put("campaigns", new CampaignPlanner(campaigns(dynamo, table, clock), outbox, figures, clock, zone));
    PaymentJobs.register(jobs, dynamo, table, outbox, SqsSmsOutbox.fromUrl(clients.sqs(), env.optional("SMS_QUEUE_URL", null)),
        clock, env, new ShopMetrics(metrics));
    // reports (issue 8): daily stock near expiry, weekly purchase list, to the purchasing manager
    ReportService reports = new ReportService(new DynamoReportStore(dynamo, table),
        new DynamoSupplierTerms(dynamo, table, clock), clock, zone,
        ReportSettings.from(env).coverDays());
    String purchasing = env.required("PURCHASING_EMAIL");
    jobs.put("expiring-stock", () -> reports.mailExpiring(outbox, purchasing));
    jobs.put("purchase-list", () -> reports.mailPurchaseList(outbox, purchasing));
    jobs.putAll(MailFlowJobs.create(dynamo, table, outbox, figures, clock, zone, env.required("PUBLIC_BASE_URL"),
        MailFlowJobs.Settings.from(env)));
    // lost OrderCreated announcements (issue 12): published again from the order's announce item
    jobs.put(AnnounceOrders.JOB, DynamoOrderAnnouncements.job(dynamo, clients.sqs(), table,
        env.required("ORDER_EVENTS_QUEUE_URL"), clock));
    // short stock (issue 12): every order on a row a count left short is flagged, whatever failed after the count
    jobs.put(SweepShortStock.JOB, DynamoShortStockMarks.job(dynamo, table, clock,
        new TaskService(new DynamoTaskStore(dynamo, table, new DueWorkStore(dynamo, table, clock)), List::of,
            task -> {}, clock, TaskService.EscalationPolicy.REPORT, Duration.ofHours(1)), new ShopMetrics(metrics)));
    // SnapStart: the snapshot holds the clients warmed (docs/performance.md)
    Priming.of("scheduler", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .step("sqs", clients.primeSqs(env.required("EMAIL_QUEUE_URL")))
        .lambdaEvent(java.util.Map.class, java.util.Map.class)
        .register();
    return jobs;
  }

  /** Due campaigns and their segments, as the planner sees them. */
  private static CampaignPlanner.Campaigns campaigns(DynamoDbClient dynamo, String table, Clock clock) {
    DynamoCampaigns campaigns = new DynamoCampaigns(dynamo, table);
    CampaignSegments segments = new CampaignSegments(new DynamoConsentSegment(dynamo, table),
        new DynamoOrderSegments(dynamo, table), clock);
    return CampaignPlanner.Campaigns.of(campaigns, segments::forEach);
  }
}
