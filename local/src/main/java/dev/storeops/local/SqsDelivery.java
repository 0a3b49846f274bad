package dev.storeops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping: long-polls the queue, hands batches (up to BatchSize) to the function
 * as a real-shaped SQS event, and deletes what succeeded. With ReportBatchItemFailures only the
 * reported messages stay; a thrown error leaves the whole batch. Messages left on the queue come back
 * after the queue's visibility timeout, and ElasticMQ moves them to the DLQ once their receive count
 * passes the redrive policy's maxReceiveCount — as in AWS. Up to {@code concurrency} batches are in
 * the function at once ({@code ScalingConfig.MaximumConcurrency} / {@code ReservedConcurrentExecutions},
 * else {@link LocalTemplate#DEFAULT_CONCURRENCY}), one poller each.
 */
public final class SqsDelivery extends DeliveryLoop {
  private static final Log LOG = Log.get(SqsDelivery.class);

  private final SqsClient sqs;
  private final LocalFunction function;
  private final LocalTemplate.SqsSource source;
  private final String queueUrl;
  private final String queueArn;
  private final String region;

  public SqsDelivery(SqsClient sqs, LocalFunction function, LocalTemplate.SqsSource source, String queueUrl,
      String queueArn, String region) {
    this(sqs, function, source, queueUrl, queueArn, region, true);
  }

  /** {@code background} false: no poller; the caller delivers with {@link #deliverOnce} (the simulation). */
  public SqsDelivery(SqsClient sqs, LocalFunction function, LocalTemplate.SqsSource source, String queueUrl,
      String queueArn, String region, boolean background) {
    this.sqs = sqs;
    this.function = function;
    this.source = source;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.region = region;
    if (background) {
      // as Lambda scales out on a backlog: up to the source's concurrency of pollers, each handing its
      // own batch to the function (one warm handler instance per concurrent invocation)
      start("sqs-" + source.functionId() + "-" + source.event(), source.concurrency());
    }
  }

  /**
   * One batch the poller handed to the function, with its times (epoch milliseconds): when the receive
   * returned it, when the invocation started and when it ended (before the deletes). Each message
   * carries its {@code SentTimestamp} attribute. For the benches' per-stage figures.
   */
  public record Delivered(List<Message> messages, long receivedAt, long invokedAt, long doneAt, boolean ok) {}

  private volatile java.util.function.Consumer<Delivered> observer;

  /** Calls {@code observer} after every batch the background pollers deliver (the benches' stage times). */
  public void observe(java.util.function.Consumer<Delivered> observer) {
    this.observer = observer;
  }

  /** What one {@link #deliverOnce} did: the messages handed to the function, and those left on the queue. */
  public record Outcome(List<Message> delivered, List<Message> left, Set<String> failedIds, boolean invocationFailed) {}

  public LocalTemplate.SqsSource source() {
    return source;
  }

  public String queueUrl() {
    return queueUrl;
  }

  /** The SQS client this source polls with (its queue's figures, for the benches). */
  public SqsClient sqsClient() {
    return sqs;
  }

  /**
   * Receives one batch now (no wait) with this visibility timeout, hands it to the function and
   * deletes what succeeded, except the messages {@code loseDelete} picks (a delete that did not
   * happen: SQS delivers them again, at least once). Empty when the queue had nothing visible.
   */
  public Outcome deliverOnce(int visibilityTimeoutSeconds, java.util.function.Predicate<Message> loseDelete) {
    List<Message> batch = new ArrayList<>();
    while (batch.size() < source.batchSize()) {
      int want = Math.min(10, source.batchSize() - batch.size());
      List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(want).waitTimeSeconds(0)
          .visibilityTimeout(visibilityTimeoutSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
          .messageAttributeNames("All")).messages();
      batch.addAll(got);
      if (got.size() < want) {
        break;
      }
    }
    if (batch.isEmpty()) {
      return new Outcome(List.of(), List.of(), Set.of(), false);
    }
    LocalFunction.Result result = function.invoke(event(batch), "sqs " + source.queueId(), r -> outcome(batch, r));
    Set<String> failed = result.ok() ? failures(result) : null;
    List<Message> left = new ArrayList<>();
    Set<String> failedIds = new HashSet<>();
    List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
    for (Message m : batch) {
      if (failed == null || failed.contains(m.messageId())) {
        left.add(m);
        failedIds.add(m.messageId());
      } else if (loseDelete.test(m)) {
        left.add(m);
      } else {
        done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
            .receiptHandle(m.receiptHandle()).build());
      }
    }
    for (int i = 0; i < done.size(); i += 10) {
      List<DeleteMessageBatchRequestEntry> chunk = done.subList(i, Math.min(done.size(), i + 10));
      sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(chunk));
    }
    return new Outcome(batch, left, failedIds, !result.ok());
  }

  @Override
  protected void run() {
    while (running) {
      try {
        List<Message> batch = receive();
        if (!batch.isEmpty() && running) {
          deliver(batch, System.currentTimeMillis());
        }
      } catch (RuntimeException e) {
        if (running) {
          LOG.error("sqs poll failed", e, "function", source.functionId(), "queue", source.queueId());
          pause(1000);
        }
      }
    }
  }

  private List<Message> receive() {
    List<Message> batch = new ArrayList<>();
    int wait = 1;
    while (batch.size() < source.batchSize() && running) {
      int want = Math.min(10, source.batchSize() - batch.size());
      int waitSeconds = wait;
      List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(want)
          .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
          .messageAttributeNames("All")).messages();
      batch.addAll(got);
      if (got.size() < want) {
        break;
      }
      wait = 0;
    }
    return batch;
  }

  private void deliver(List<Message> batch, long receivedAt) {
    byte[] event = event(batch);
    long invokedAt = System.currentTimeMillis();
    LocalFunction.Result result = function.invoke(event, "sqs " + source.queueId(), r -> outcome(batch, r));
    var watcher = observer;
    if (watcher != null) {
      watcher.accept(new Delivered(batch, receivedAt, invokedAt, System.currentTimeMillis(), result.ok()));
    }
    if (!result.ok()) {
      return; // the whole batch comes back after the visibility timeout
    }
    Set<String> failed = failures(result);
    if (failed == null) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
    for (Message m : batch) {
      if (!failed.contains(m.messageId())) {
        done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
            .receiptHandle(m.receiptHandle()).build());
      }
    }
    for (int i = 0; i < done.size(); i += 10) {
      List<DeleteMessageBatchRequestEntry> chunk = done.subList(i, Math.min(done.size(), i + 10));
      sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(chunk));
    }
  }

  private String outcome(List<Message> batch, LocalFunction.Result result) {
    Set<String> failed = failures(result);
    if (failed == null) {
      return "batch failed: unknown itemIdentifier in batchItemFailures (" + batch.size() + " messages)";
    }
    return failed.isEmpty() ? "ok (" + batch.size() + " messages)"
        : "partial (" + failed.size() + " of " + batch.size() + " failed)";
  }

  /**
   * The message IDs the function reported as failed; {@code null} when the report is unusable (an
   * unknown ID), which Lambda treats as a failure of the whole batch.
   */
  private Set<String> failures(LocalFunction.Result result) {
    Set<String> failed = new HashSet<>();
    if (!source.reportsFailures()) {
      return failed;
    }
    try {
      JsonNode node = Json.mapper().readTree(result.output());
      if (node == null) {
        return failed;
      }
      for (JsonNode f : node.path("batchItemFailures")) {
        String id = f.path("itemIdentifier").asText("");
        if (id.isEmpty()) {
          return null;
        }
        failed.add(id);
      }
    } catch (java.io.IOException e) {
      return failed;
    }
    return failed;
  }

  private byte[] event(List<Message> batch) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (Message m : batch) {
      ObjectNode r = records.addObject();
      r.put("messageId", m.messageId());
      r.put("receiptHandle", m.receiptHandle());
      r.put("body", m.body());
      ObjectNode attributes = r.putObject("attributes");
      m.attributesAsStrings().forEach(attributes::put);
      ObjectNode messageAttributes = r.putObject("messageAttributes");
      m.messageAttributes().forEach((name, v) -> {
        ObjectNode a = messageAttributes.putObject(name);
        a.put("stringValue", v.stringValue());
        if (v.binaryValue() != null) {
          a.put("binaryValue", java.util.Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
        }
        a.putArray("stringListValues");
        a.putArray("binaryListValues");
        a.put("dataType", v.dataType());
      });
      r.put("md5OfBody", m.md5OfBody());
      if (m.md5OfMessageAttributes() != null) {
        r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
      }
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", queueArn);
      r.put("awsRegion", region);
    }
    return Json.write(root).getBytes(StandardCharsets.UTF_8);
  }
}
