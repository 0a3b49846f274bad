package dev.storeops.bench;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.messaging.dynamo.DynamoFrequencyCap;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailSender;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.messaging.ses.SesMailSender;
import dev.storeops.messaging.dynamo.DynamoRecipients;
import dev.storeops.messaging.campaigns.CampaignPlanner;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.dynamo.DynamoCampaigns;
import dev.storeops.messaging.dynamo.DynamoConsentSegment;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 7's benchmark, on the embedded stack (DynamoDB Local, ElasticMQ, aws-ses-v2-local):
 * <ol>
 *   <li>plan a campaign for N customers (default 100,000; 60 % with consent): the segment read
 *       through GSI2 against a baseline Scan with a consent filter (time, items read), the preview
 *       (segment + BatchGetItem of suppression/cap), and the whole planning run (segment + intents on
 *       the queue);</li>
 *   <li>sender throughput: M mails (default 300) through {@link EmailService} with SES limited to a
 *       configured max send rate (default 14/s, the emulator's account quota), against the same
 *       sender unlimited (baseline), printing the achieved rate and the ratios.</li>
 * </ol>
 * Args: {@code [customers] [mails] [maxSendRatePerSecond]}.
 */
public final class MailBench {
  private MailBench() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int mails = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    double maxRate = args.length > 2 ? Double.parseDouble(args[2]) : 14.0;
    try (AwsStack stack = AwsStack.start()) {
      DynamoDbClient dynamo = stack.dynamoDb();
      String table = stack.tableName("StoreTable");
      System.out.printf("stack: %s; seeding %,d customers (60%% with consent)…%n", stack.backendName(), customers);
      long t0 = System.nanoTime();
      long consenting = seed(dynamo, table, customers);
      System.out.printf("seeded in %.1f s%n%n", seconds(t0));

      // 1a. segment read: GSI2 Query (storeops) vs Scan + filter (baseline)
      AtomicLong queried = new AtomicLong();
      long q0 = System.nanoTime();
      new DynamoConsentSegment(dynamo, table).forEach(c -> queried.incrementAndGet());
      double queryS = seconds(q0);
      long s0 = System.nanoTime();
      long[] scan = scanBaseline(dynamo, table);
      double scanS = seconds(s0);
      System.out.println("== campaign segment \"all with consent\" ==");
      System.out.printf("storeops GSI2 query : %8.2f s, %,10d items read, %,d customers%n", queryS, queried.get(), queried.get());
      System.out.printf("baseline table scan : %8.2f s, %,10d items read, %,d customers%n", scanS, scan[0], scan[1]);
      System.out.printf("ratio storeops/baseline: time %.2f, items read %.2f%n%n", queryS / scanS, (double) queried.get() / scan[0]);

      // 1b. preview: segment + suppression and cap items (BatchGetItem)
      AtomicLong eligible = new AtomicLong();
      long p0 = System.nanoTime();
      new DynamoRecipients(dynamo, table, java.time.Clock.systemUTC()).forEach(Campaign.SEGMENT_ALL_WITH_CONSENT, c -> {
        if (!c.suppressed() && c.lastMarketingAt() == null) {
          eligible.incrementAndGet();
        }
      });
      double previewS = seconds(p0);
      System.out.printf("== preview == %.2f s; items read: %,d segment + %,d keys looked up (BatchGetItem); recipients %,d%n%n",
          previewS, queried.get(), queried.get() * 2, eligible.get());

      // 1c. planning run: segment + intents on the EmailQueue (batches of 10)
      DynamoCampaigns campaigns = new DynamoCampaigns(dynamo, table);
      Instant sendAt = Instant.now().plusSeconds(1);
      Campaign campaign = new Campaign("cmp_bench" + System.nanoTime(), "bench", "campaign", "Bench", "Body", null,
          Campaign.SEGMENT_ALL_WITH_CONSENT, sendAt, "DRAFT", "bench", Instant.now(), null, null);
      campaigns.create(campaign);
      campaigns.schedule(campaign.id(), sendAt, Instant.now(), "bench");
      DynamoConsentSegment segment = new DynamoConsentSegment(dynamo, table);
      CampaignPlanner planner = new CampaignPlanner(CampaignPlanner.Campaigns.of(campaigns, (name, action) -> segment.forEach(action)),
          new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")), new DynamoMailFigures(dynamo, table),
          Clock.offset(Clock.systemUTC(), Duration.ofSeconds(5)), ZoneId.of("Europe/Moscow"));
      long pl0 = System.nanoTime();
      planner.run();
      double planS = seconds(pl0);
      long planned = campaigns.find(campaign.id()).orElseThrow().planned();
      System.out.printf("== planning run == %.2f s for %,d intents (%,.0f intents/s); DynamoDB items read %,d (segment) + 1 (due index)%n%n",
          planS, planned, planned / planS, consenting);
      stack.sqs().purgeQueue(b -> b.queueUrl(stack.queueUrl("EmailQueue")));

      // 2. sender throughput with SES limited to maxRate vs unlimited
      double unlimited = sendThroughput(stack, mails, 0, "unlimited");
      double limited = sendThroughput(stack, mails, maxRate, "limited");
      System.out.println("== sender ==");
      System.out.printf("baseline (SES unlimited)      : %8.1f mails/s%n", unlimited);
      System.out.printf("storeops (SES max %5.1f/s)   : %8.1f mails/s%n", maxRate, limited);
      System.out.printf("ratio limited/unlimited %.2f; achieved/max send rate %.2f%n", limited / unlimited, limited / maxRate);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long seed(DynamoDbClient dynamo, String table, int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    long consenting = 0;
    Instant now = Instant.now();
    for (int from = 0; from < n; from += 25) {
      List<WriteRequest> batch = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 25); i++) {
        boolean consent = i % 5 < 3;
        consenting += consent ? 1 : 0;
        Customer c = new Customer(String.format("cus_bench%07d", i), "bench" + i + "@example.com", "Bench " + i, null,
            null, consent, consent ? now : null, i % 2 == 0 ? "ru" : "en", now, null);
        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(DynamoCustomerStore.toItem(c)).build()).build());
      }
      futures.add(pool.submit(() -> {
        Map<String, List<WriteRequest>> request = Map.of(table, batch);
        while (!request.isEmpty()) {
          Map<String, List<WriteRequest>> current = request;
          request = dynamo.batchWriteItem(b -> b.requestItems(current)).unprocessedItems();
        }
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return consenting;
  }

  /** Baseline: every item of the table read, consent filtered after the read. */
  private static long[] scanBaseline(DynamoDbClient dynamo, String table) {
    long[] out = new long[2];
    dynamo.scanPaginator(b -> b.tableName(table).filterExpression("#t = :customer AND marketingConsent = :true")
        .expressionAttributeNames(Map.of("#t", "type"))
        .expressionAttributeValues(Map.of(":customer", s("Customer"), ":true", AttributeValue.fromBool(true))))
        .forEach(page -> {
          out[0] += page.scannedCount();
          out[1] += page.count();
        });
    return out;
  }

  private static double sendThroughput(AwsStack stack, int mails, double maxRate, String label) {
    DynamoDbClient dynamo = stack.dynamoDb();
    String table = stack.tableName("StoreTable");
    var env = stack.functionEnvironment("EmailSenderFunction");
    MailSender ses = new SesMailSender(stack.ses());
    MailSender sender = maxRate <= 0 ? ses : new RateLimited(ses, maxRate);
    EmailService service = new EmailService(new MailTemplates(), new MailPolicy(MailPolicy.DEFAULT_CAP, "ru"),
        id -> Optional.empty(), new DynamoSuppressionList(dynamo, table), new DynamoSendLog(dynamo, table),
        new DynamoFrequencyCap(dynamo, table), new DynamoMailFigures(dynamo, table), sender,
        new UnsubscribeTokens(env.get("UNSUBSCRIBE_SECRET")),
        new EmailService.Settings(env.get("SENDER_EMAIL"), env.get("MAIL_CONFIGURATION_SET"), env.get("UNSUBSCRIBE_URL"),
            env.get("PUBLIC_BASE_URL"), ZoneId.of("Europe/Moscow"), Duration.ofDays(365)),
        Clock.systemUTC());
    String run = label + System.nanoTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < mails; i++) {
      service.handle(new MailIntent("bench#" + run + "#" + i, "welcome", MailIntent.Category.TRANSACTIONAL, null,
          "bench.mail" + i + "@example.com", i % 2 == 0 ? "ru" : "en", "bench-" + label, Map.of("customerName", "Bench " + i)),
          1, 3);
    }
    stack.clearSentMail();
    return mails / seconds(t0);
  }

  /** SES's max send rate, as a token bucket in front of the real client (SES itself would answer 'Throttling'). */
  private static final class RateLimited implements MailSender {
    private final MailSender delegate;
    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimited(MailSender delegate, double perSecond) {
      this.delegate = delegate;
      this.intervalNanos = (long) (1e9 / perSecond);
    }

    @Override
    public String send(OutgoingMail mail) {
      long now = System.nanoTime();
      if (now < next) {
        try {
          Thread.sleep(Duration.ofNanos(next - now));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      next = Math.max(now, next) + intervalNanos;
      return delegate.send(mail);
    }
  }
}
