package dev.storeops.sim;

import dev.storeops.local.LocalConfig;
import dev.storeops.local.LocalFunction;
import dev.storeops.local.LocalRuntime;
import dev.storeops.local.SqsDelivery;
import dev.storeops.local.StreamDelivery;
import dev.storeops.stack.AwsStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The shop as the simulation drives it: local mode's runtime ({@link LocalRuntime}) in driven mode —
 * every handler of template.yaml built with the simulation's clock, its HTTP API on a free port, and
 * SQS, stream, S3 and schedule deliveries made only when {@link #settle} runs them, on this thread, in
 * a deterministic order. SQS behaves as on AWS on the simulation's time: a message left on the queue
 * (failed, or a delete that got lost) comes back after the queue's visibility timeout, and ElasticMQ
 * moves it to the DLQ after maxReceiveCount receives.
 */
public final class SimShop implements AutoCloseable {
  /** Visibility of a received message in real time: it never comes back by itself; {@link #settle} brings it back on simulated time. */
  private static final int HIDDEN_SECONDS = 43_200;

  private final SimClock clock;
  private final LocalRuntime runtime;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Path localDir;
  private final Random random;
  private final double duplicateShare;
  private final Map<String, Duration> visibility = new HashMap<>();
  private final List<Hidden> hidden = new ArrayList<>();
  private final Map<String, String> staffTokens = new HashMap<>();
  private final Set<String> faultedMessages = new java.util.HashSet<>();
  private final Set<String> failedOnTheirOwn = new java.util.HashSet<>();
  private long messagesDelivered;
  private long duplicatesDelivered;
  private long streamRecords;

  private record Hidden(String queueUrl, Message message, Instant visibleAt) {}

  private SimShop(SimClock clock, Path root, long seed, double duplicateShare) {
    this.clock = clock;
    this.random = new Random(seed ^ 0x5EEDL);
    this.duplicateShare = duplicateShare;
    try {
      this.localDir = Files.createTempDirectory("storeops-sim");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalConfig config = LocalConfig.defaults(root).withPorts(0, 0, 0, 0, 0).withLocalDir(localDir);
    LocalFunction.Listener listener = new LocalFunction.Listener() {
      @Override
      public void started(String functionId, String trigger) {
        changes++;
        FaultInjector.invocationStarted(functionId);
      }

      @Override
      public void finished(String functionId, LocalFunction.Result result) {
        lastInvocationFaulted = FaultInjector.invocationFinished();
      }
    };
    this.runtime = LocalRuntime.start(config, new LocalRuntime.Driven(clock, listener));
    for (SqsDelivery d : runtime.sqsDeliveries()) {
      String seconds = runtime.stack().sqs().getQueueAttributes(g -> g.queueUrl(d.queueUrl())
          .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT);
      visibility.put(d.queueUrl(), Duration.ofSeconds(Long.parseLong(seconds)));
    }
    holdingQueueUrl = runtime.stack().sqs().createQueue(c -> c.queueName("storeops-sim-delayed")).queueUrl();
    SqsDelays.start(holdingQueueUrl, clock);
    SesSendEvents.start(clock);
    sesEventsQueueUrl = runtime.stack().queueUrl("SesEventsQueue");
  }

  /** Where SES's Send events go ({@link SesSendEvents}). */
  private final String sesEventsQueueUrl;

  /** SES's Send events of the mail accepted since the last round go on SesEventsQueue; the number put. */
  private int publishSesEvents() {
    List<String> events = SesSendEvents.take();
    List<String> notYet = new ArrayList<>();
    for (String body : events) {
      try {
        stack().sqs().sendMessage(m -> m.queueUrl(sesEventsQueueUrl).messageBody(body));
        changes++;
      } catch (software.amazon.awssdk.core.exception.SdkException passing) {
        notYet.add(body);
      }
    }
    SesSendEvents.putBack(notYet);
    return events.size() - notYet.size();
  }

  /** The simulation's own queue holding messages sent with a delay until it runs out on simulated time ({@link SqsDelays}). */
  private final String holdingQueueUrl;
  private long delayedReleased;

  private volatile boolean lastInvocationFaulted;

  /**
   * Bumped by everything that can put a message on a queue or a record on the stream: a handler
   * invocation (the only writer of the table), a message revived or released, the simulation's own
   * sends ({@link #touched}). A source found empty at the same count is still empty: it is not polled
   * again (a quiet 15-minute tick then costs no receive and no GetRecords).
   */
  private volatile long changes;
  private final Map<Object, Long> emptyAt = new HashMap<>();

  /** The simulation put messages on a queue itself (poison, a redrive). */
  public void touched() {
    changes++;
  }

  private boolean stillEmpty(Object source) {
    Long at = emptyAt.get(source);
    return at != null && at == changes;
  }

  /** Starts the shop (emulators, template resources, demo data) on this clock; {@code duplicateShare} of SQS deletes and stream batches are "lost" (delivered twice). */
  public static SimShop start(SimClock clock, Path root, long seed, double duplicateShare) {
    return new SimShop(clock, root, seed, duplicateShare);
  }

  public SimClock clock() {
    return clock;
  }

  public AwsStack stack() {
    return runtime.stack();
  }

  public LocalRuntime runtime() {
    return runtime;
  }

  public String webhookSecret() {
    return String.valueOf(runtime.endpoints().get("webhookSecret"));
  }

  /**
   * A staff JWT for {@code staffId}, signed on the simulation's clock (valid 12 h from its minting). The
   * simulated staff act with the {@code owner} role (any order, any task): the simulation drives the shop's
   * life, the role rules have their own tests (docs/permissions.md).
   */
  public String staffToken(String staffId) {
    return runtime.tokens().mint(staffId, java.util.List.of("owner"), Duration.ofHours(12));
  }

  /** An HTTP call through local mode's API gateway (API Gateway v2 events, JWT authorizer). */
  public Response call(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path)).timeout(Duration.ofSeconds(60));
    headers.forEach(b::header);
    if (body != null && !headers.containsKey("Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer. */
  public record Response(int status, String body) {
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  /**
   * Delivers everything due now, as AWS would have by this time: S3 notifications, the schedules due on
   * the clock, messages whose visibility timeout ran out, then the queues and the table's stream until
   * they are quiet. Returns the number of deliveries made.
   */
  public int settle() {
    int work = runtime.s3Notifications().deliverPending();
    work += runtime.schedules().fireDue();
    for (int round = 0; round < 50; round++) {
      int before = work;
      work += deliverQueues();
      for (StreamDelivery s : runtime.streamDeliveries()) {
        for (int i = 0; i < 100 && !stillEmpty(s); i++) {
          long at = changes;
          int n = s.pollOnce(() -> random.nextDouble() < duplicateShare);
          streamRecords += n;
          work += n;
          if (n == 0) {
            emptyAt.put(s, at);
            break;
          }
        }
      }
      work += runtime.s3Notifications().deliverPending();
      if (work == before) {
        break;
      }
    }
    return work;
  }

  /**
   * The SQS event source mappings poll within a second on AWS: after each action the simulation hands
   * the queues' visible messages to their functions at once (messages whose visibility timeout ran out
   * included); the number delivered.
   */
  private static boolean firstReceive(software.amazon.awssdk.services.sqs.model.Message m) {
    String count = m.attributes().get(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return count == null || "1".equals(count);
  }

  public int deliverQueues() {
    int work = 0;
    for (int round = 0; round < 20; round++) {
      int before = work;
      reviveDue();
      work += releaseDelayed();
      work += publishSesEvents();
      for (SqsDelivery d : runtime.sqsDeliveries()) {
        for (int i = 0; i < 200 && !stillEmpty(d); i++) {
          long at = changes;
          // a lost delete (SQS's at-least-once duplicate) on a first receive only: two in a row on one
          // message are vanishingly rare on AWS, and three would put a handled message in the DLQ
          SqsDelivery.Outcome o = d.deliverOnce(HIDDEN_SECONDS, m -> firstReceive(m) && random.nextDouble() < duplicateShare);
          if (o.delivered().isEmpty()) {
            emptyAt.put(d, at);
            break;
          }
          work += o.delivered().size();
          messagesDelivered += o.delivered().size();
          boolean faulted = lastInvocationFaulted;
          Instant visibleAt = clock.instant().plus(visibility.get(d.queueUrl()));
          for (Message m : o.left()) {
            hidden.add(new Hidden(d.queueUrl(), m, visibleAt));
            if (o.failedIds().contains(m.messageId())) {
              (faulted ? faultedMessages : failedOnTheirOwn).add(m.messageId());
            } else {
              duplicatesDelivered++;
            }
          }
        }
      }
      if (work == before) {
        break;
      }
    }
    return work;
  }

  /** Messages whose simulated visibility timeout ran out become visible again (ElasticMQ then counts the next receive). */
  private void reviveDue() {
    Instant now = clock.instant();
    for (Iterator<Hidden> it = hidden.iterator(); it.hasNext();) {
      Hidden h = it.next();
      if (!h.visibleAt().isAfter(now)) {
        try {
          stack().sqs().changeMessageVisibility(c -> c.queueUrl(h.queueUrl()).receiptHandle(h.message().receiptHandle())
              .visibilityTimeout(0));
          it.remove();
          changes++;
        } catch (software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException
            | software.amazon.awssdk.services.sqs.model.MessageNotInflightException gone) {
          it.remove(); // deleted meanwhile (a late success of the same message): nothing comes back
        } catch (software.amazon.awssdk.core.exception.SdkException passing) {
          // the simulation's own call failed (an injected fault that reached it): try again next round,
          // never leave a failed message hidden for the 12 h of the simulation's receive
        }
      }
    }
  }

  /**
   * Messages sent with a delay ({@code DelaySeconds}: the email-sender's hand-back of throttled mail)
   * whose delay ran out on the simulated clock go on their queue now; the number released.
   */
  private int releaseDelayed() {
    List<SqsDelays.Held> due = SqsDelays.takeDue();
    List<SqsDelays.Held> notYet = new ArrayList<>();
    for (SqsDelays.Held h : due) {
      try {
        stack().sqs().sendMessage(m -> m.queueUrl(h.queueUrl()).messageBody(h.body()).messageAttributes(h.attributes()));
        delayedReleased++;
        changes++;
      } catch (software.amazon.awssdk.core.exception.SdkException passing) {
        notYet.add(h);
      }
    }
    SqsDelays.putBack(notYet); // (the holding queue's copies were only SQS's answer to the handler: never read)
    return due.size() - notYet.size();
  }

  /** Messages sent with a delay and put on their queue when it ran out on simulated time. */
  public long delayedReleased() {
    return delayedReleased;
  }

  /** Whether every failed receive of a message was in an invocation into which a fault was injected. */
  public boolean leftByInjectedFault(String messageId) {
    return faultedMessages.contains(messageId) && !failedOnTheirOwn.contains(messageId);
  }

  public long messagesDelivered() {
    return messagesDelivered;
  }

  public long streamRecords() {
    return streamRecords;
  }

  /** Messages delivered again because their delete was "lost" (at-least-once delivery). */
  public long duplicateDeliveries() {
    return duplicatesDelivered;
  }

  @Override
  public void close() {
    SqsDelays.stop();
    SesSendEvents.stop();
    runtime.close();
    try (var files = Files.walk(localDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory
    }
  }
}
