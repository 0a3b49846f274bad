package dev.storeops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.shared.json.Json;
import dev.storeops.shared.log.Log;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A DynamoDB stream event source mapping: reads the table's stream (DynamoDB Local implements the
 * Streams API) shard by shard, hands batches (up to BatchSize) to the function as a real-shaped
 * DynamoDB event, in order. With ReportBatchItemFailures the batch is retried from the lowest
 * reported sequence number; a thrown error retries the whole batch. After MaximumRetryAttempts
 * retries the batch's description goes to the OnFailure queue and the reader moves on — as in AWS.
 */
public final class StreamDelivery implements AutoCloseable {
  private static final Log LOG = Log.get(StreamDelivery.class);
  private static final long IDLE_MILLIS = 200;
  private static final long RETRY_MILLIS = 500;

  private final DynamoDbStreamsClient streams;
  private final SqsClient sqs;
  private final LocalFunction function;
  private final LocalTemplate.StreamSource source;
  private final String streamArn;
  private final String onFailureQueueUrl;
  private final String region;
  private final Map<String, ShardReader> shards = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private boolean first = true;

  /** Where one shard is read: its iterator and the records read but not yet delivered. */
  private static final class ShardReader {
    String iterator;
    final List<Record> pending = new ArrayList<>();
    int attempts;
    boolean closed;
  }

  public StreamDelivery(DynamoDbStreamsClient streams, SqsClient sqs, LocalFunction function,
      LocalTemplate.StreamSource source, String streamArn, String onFailureQueueUrl, String region) {
    this.streams = streams;
    this.sqs = sqs;
    this.function = function;
    this.source = source;
    this.streamArn = streamArn;
    this.onFailureQueueUrl = onFailureQueueUrl;
    this.region = region;
    this.thread = Thread.ofVirtual().name("stream-" + source.functionId() + "-" + source.event()).start(this::run);
  }

  private void run() {
    while (running) {
      try {
        boolean busy = poll();
        if (!busy) {
          pause(IDLE_MILLIS);
        }
      } catch (RuntimeException e) {
        if (running) {
          LOG.error("stream poll failed", e, "function", source.functionId(), "table", source.tableId());
          pause(1000);
        }
      }
    }
  }

  /** One round over the shards; true when something was delivered. */
  private boolean poll() {
    discoverShards();
    boolean busy = false;
    for (var e : shards.entrySet()) {
      ShardReader r = e.getValue();
      if (r.closed && r.pending.isEmpty() || !running) {
        continue;
      }
      if (r.pending.isEmpty()) {
        read(e.getKey(), r);
      }
      if (!r.pending.isEmpty()) {
        deliver(e.getKey(), r);
        busy = true;
      }
    }
    return busy;
  }

  private void discoverShards() {
    String start = null;
    do {
      String exclusiveStart = start;
      var description = streams.describeStream(d -> d.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
          .streamDescription();
      for (Shard shard : description.shards()) {
        if (!shards.containsKey(shard.shardId())) {
          // shards that exist when the mapping starts begin at its StartingPosition; later ones at their start
          ShardIteratorType type = first && "LATEST".equals(source.startingPosition())
              ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
          ShardReader reader = new ShardReader();
          reader.iterator = streams.getShardIterator(g -> g.streamArn(streamArn).shardId(shard.shardId())
              .shardIteratorType(type)).shardIterator();
          shards.put(shard.shardId(), reader);
        }
      }
      start = description.lastEvaluatedShardId();
    } while (start != null);
    first = false;
  }

  private void read(String shardId, ShardReader r) {
    if (r.iterator == null) {
      r.closed = true;
      return;
    }
    try {
      String iterator = r.iterator;
      var page = streams.getRecords(g -> g.shardIterator(iterator).limit(Math.min(1000, source.batchSize())));
      r.pending.addAll(page.records());
      r.iterator = page.nextShardIterator();
    } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
      LOG.warn("stream iterator lost; re-reading the shard from its start", "shard", shardId,
          "error", String.valueOf(e.getMessage()));
      r.iterator = streams.getShardIterator(g -> g.streamArn(streamArn).shardId(shardId)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    }
  }

  private void deliver(String shardId, ShardReader r) {
    // FilterCriteria: records that match no filter are dropped without an invocation, as in AWS
    r.pending.removeIf(rec -> !source.filter().matches(record(rec)));
    if (r.pending.isEmpty()) {
      r.attempts = 0;
      return;
    }
    List<Record> batch = List.copyOf(r.pending);
    LocalFunction.Result result = function.invoke(event(batch), "dynamodb " + source.tableId(), x -> outcome(batch, x));
    int failedFrom = result.ok() ? firstFailure(batch, result) : 0;
    if (failedFrom < 0) {
      r.pending.clear();
      r.attempts = 0;
      return;
    }
    r.pending.subList(0, failedFrom).clear();
    r.attempts++;
    if (source.maximumRetryAttempts() >= 0 && r.attempts > source.maximumRetryAttempts()) {
      giveUp(shardId, List.copyOf(r.pending), r.attempts);
      r.pending.clear();
      r.attempts = 0;
      return;
    }
    pause(RETRY_MILLIS);
  }

  private String outcome(List<Record> batch, LocalFunction.Result result) {
    int failedFrom = firstFailure(batch, result);
    return failedFrom < 0 ? "ok (" + batch.size() + " records)"
        : "partial (retrying from record " + (failedFrom + 1) + " of " + batch.size() + ")";
  }

  /**
   * The index of the first record to retry: the lowest reported sequence number; 0 when the report
   * is unusable (an unknown or empty itemIdentifier fails the whole batch, as in AWS); −1 when none failed.
   */
  private int firstFailure(List<Record> batch, LocalFunction.Result result) {
    if (!source.reportsFailures()) {
      return -1;
    }
    int lowest = -1;
    try {
      JsonNode node = Json.mapper().readTree(result.output());
      if (node == null) {
        return -1;
      }
      for (JsonNode f : node.path("batchItemFailures")) {
        String id = f.path("itemIdentifier").asText("");
        int index = -1;
        for (int i = 0; i < batch.size(); i++) {
          if (batch.get(i).dynamodb().sequenceNumber().equals(id)) {
            index = i;
          }
        }
        if (index < 0) {
          return 0;
        }
        lowest = lowest < 0 ? index : Math.min(lowest, index);
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return lowest;
  }

  private void giveUp(String shardId, List<Record> records, int attempts) {
    LOG.warn("stream batch given up after retries", "function", source.functionId(), "shard", shardId,
        "records", records.size(), "attempts", attempts);
    if (onFailureQueueUrl == null || records.isEmpty()) {
      return;
    }
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode context = root.putObject("requestContext");
    context.put("functionArn", "arn:aws:lambda:" + region + ":000000000000:function:" + function.logicalId());
    context.put("condition", "RetryAttemptsExhausted");
    context.put("approximateInvokeCount", attempts);
    ObjectNode info = root.putObject("DDBStreamBatchInfo");
    info.put("shardId", shardId);
    info.put("startSequenceNumber", records.get(0).dynamodb().sequenceNumber());
    info.put("endSequenceNumber", records.get(records.size() - 1).dynamodb().sequenceNumber());
    info.put("batchSize", records.size());
    info.put("streamArn", streamArn);
    root.put("timestamp", Instant.now().toString());
    sqs.sendMessage(m -> m.queueUrl(onFailureQueueUrl).messageBody(Json.write(root)));
  }

  /** The Lambda DynamoDB event for {@code batch}. */
  byte[] event(List<Record> batch) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (Record rec : batch) {
      records.add(record(rec));
    }
    return Json.write(root).getBytes(StandardCharsets.UTF_8);
  }

  /** One record of the Lambda DynamoDB event. */
  private ObjectNode record(Record rec) {
    ObjectNode r = Json.mapper().createObjectNode();
    r.put("eventID", rec.eventID());
    r.put("eventName", rec.eventNameAsString());
    r.put("eventVersion", rec.eventVersion() == null ? "1.1" : rec.eventVersion());
    r.put("eventSource", "aws:dynamodb");
    r.put("awsRegion", region);
    ObjectNode d = r.putObject("dynamodb");
    var s = rec.dynamodb();
    if (s.approximateCreationDateTime() != null) {
      d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
    }
    d.set("Keys", image(s.keys()));
    if (s.hasNewImage()) {
      d.set("NewImage", image(s.newImage()));
    }
    if (s.hasOldImage()) {
      d.set("OldImage", image(s.oldImage()));
    }
    d.put("SequenceNumber", s.sequenceNumber());
    d.put("SizeBytes", s.sizeBytes() == null ? 0 : s.sizeBytes());
    d.put("StreamViewType", s.streamViewTypeAsString());
    r.put("eventSourceARN", streamArn);
    return r;
  }

  static ObjectNode image(Map<String, AttributeValue> item) {
    ObjectNode out = Json.mapper().createObjectNode();
    item.forEach((k, v) -> out.set(k, value(v)));
    return out;
  }

  /** An attribute value in the DynamoDB JSON of stream events ({@code {"S": "…"}}, {@code {"N": "1"}}, …). */
  static ObjectNode value(AttributeValue v) {
    ObjectNode n = Json.mapper().createObjectNode();
    switch (v.type()) {
      case S -> n.put("S", v.s());
      case N -> n.put("N", v.n());
      case B -> n.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
      case BOOL -> n.put("BOOL", v.bool());
      case NUL -> n.put("NULL", true);
      case SS -> v.ss().forEach(n.putArray("SS")::add);
      case NS -> v.ns().forEach(n.putArray("NS")::add);
      case BS -> v.bs().forEach(b -> n.withArray("BS").add(Base64.getEncoder().encodeToString(b.asByteArray())));
      case M -> n.set("M", image(v.m()));
      case L -> {
        ArrayNode l = n.putArray("L");
        v.l().forEach(x -> l.add(value(x)));
      }
      default -> n.put("NULL", true);
    }
    return n;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
