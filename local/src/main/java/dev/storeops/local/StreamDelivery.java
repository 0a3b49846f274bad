package dev.storeops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A DynamoDB stream event source mapping on DynamoDB Local's stream: reads each shard in order
 * (from TRIM_HORIZON or LATEST), hands batches of up to BatchSize records to the function as a
 * real-shaped DynamoDB stream event, and moves on only past what succeeded: with
 * ReportBatchItemFailures it retries from the first reported sequence number, an error retries the
 * whole batch. After MaximumRetryAttempts retries (-1 = until it succeeds) the batch is skipped and,
 * with an SQS OnFailure destination, a record describing it is sent there. Checkpoints are kept in
 * memory (and in the data directory with {@code --data}), so a restart does not replay.
 */
public final class StreamDelivery extends DeliveryLoop {
  private static final Log LOG = Log.get(StreamDelivery.class);

  private final DynamoDbStreamsClient streams;
  private final SqsClient sqs;
  private final LocalFunction function;
  private final LocalTemplate.StreamSource source;
  private final String streamArn;
  private final String onFailureQueueUrl;
  private final String region;
  private final Map<String, String> checkpoints;
  private final Map<String, String> iterators = new ConcurrentHashMap<>();
  private final Map<String, Boolean> finished = new ConcurrentHashMap<>();
  private final boolean background;
  /** Driven mode: whether the next batch read is handed to the function twice (stream delivery is at least once). */
  private java.util.function.BooleanSupplier redeliver = () -> false;

  public StreamDelivery(DynamoDbStreamsClient streams, SqsClient sqs, LocalFunction function,
      LocalTemplate.StreamSource source, String streamArn, String onFailureQueueUrl, String region,
      Map<String, String> checkpoints) {
    this(streams, sqs, function, source, streamArn, onFailureQueueUrl, region, checkpoints, true);
  }

  /**
   * {@code background} false: no poller and no pauses between retries; the caller reads the stream
   * with {@link #pollOnce} (the simulation).
   */
  public StreamDelivery(DynamoDbStreamsClient streams, SqsClient sqs, LocalFunction function,
      LocalTemplate.StreamSource source, String streamArn, String onFailureQueueUrl, String region,
      Map<String, String> checkpoints, boolean background) {
    this.background = background;
    this.streams = streams;
    this.sqs = sqs;
    this.function = function;
    this.source = source;
    this.streamArn = streamArn;
    this.onFailureQueueUrl = onFailureQueueUrl;
    this.region = region;
    this.checkpoints = checkpoints;
    // shards existing now start at StartingPosition; shards that appear later from their beginning
    boolean latest = "LATEST".equals(source.startingPosition());
    for (Shard shard : shards()) {
      iterators.put(shard.shardId(), iterator(shard.shardId(), latest));
    }
    if (background) {
      start("stream-" + source.functionId());
    }
  }

  /**
   * Driven mode: reads every shard once and delivers what it finds (retries included, without pauses);
   * {@code redeliver} says, per batch, whether it is handed over a second time as Lambda sometimes does.
   * Returns the number of records read.
   */
  public int pollOnce(java.util.function.BooleanSupplier redeliver) {
    this.redeliver = redeliver;
    int before = delivered.get();
    for (Shard shard : shards()) {
      if (!iterators.containsKey(shard.shardId()) && !finished.containsKey(shard.shardId())) {
        iterators.put(shard.shardId(), iterator(shard.shardId(), false));
      }
    }
    for (String shardId : new ArrayList<>(iterators.keySet())) {
      poll(shardId);
    }
    return delivered.get() - before;
  }

  private final java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();

  private List<Shard> shards() {
    List<Shard> out = new ArrayList<>();
    String[] last = {null};
    do {
      var page = streams.describeStream(d -> d.streamArn(streamArn).exclusiveStartShardId(last[0])).streamDescription();
      out.addAll(page.shards());
      last[0] = page.lastEvaluatedShardId();
    } while (last[0] != null);
    return out;
  }

  private String iterator(String shardId, boolean latest) {
    String after = checkpoints.get(checkpointKey(shardId));
    try {
      if (after != null) {
        return streams.getShardIterator(g -> g.streamArn(streamArn).shardId(shardId)
            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after)).shardIterator();
      }
    } catch (TrimmedDataAccessException | software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
      // the checkpoint is gone: start over as configured
    }
    return streams.getShardIterator(g -> g.streamArn(streamArn).shardId(shardId)
        .shardIteratorType(latest ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON)).shardIterator();
  }

  private String checkpointKey(String shardId) {
    return source.functionId() + "/" + source.event() + "/" + shardId;
  }

  @Override
  protected void run() {
    while (running) {
      boolean got = false;
      try {
        for (Shard shard : shards()) {
          if (!iterators.containsKey(shard.shardId()) && !finished.containsKey(shard.shardId())) {
            iterators.put(shard.shardId(), iterator(shard.shardId(), false));
          }
        }
        got = pollShards();
      } catch (RuntimeException e) {
        if (running) {
          LOG.error("stream poll failed", e, "function", source.functionId());
        }
      }
      if (!got) {
        pause(250);
      }
    }
  }

  /**
   * One round over the open shards: as Lambda, one batch per shard at a time, the shards side by side
   * up to the source's concurrency. True when any shard had records.
   */
  private boolean pollShards() {
    List<String> shardIds = new ArrayList<>(iterators.keySet());
    if (shardIds.size() <= 1 || source.concurrency() <= 1) {
      boolean got = false;
      for (String shardId : shardIds) {
        got |= poll(shardId);
      }
      return got;
    }
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(source.concurrency());
    List<java.util.concurrent.Future<Boolean>> rounds = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (String shardId : shardIds) {
        rounds.add(pool.submit(() -> {
          slots.acquire();
          try {
            return poll(shardId);
          } finally {
            slots.release();
          }
        }));
      }
    }
    boolean got = false;
    for (var round : rounds) {
      try {
        got |= round.get();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.error("stream poll failed", e.getCause(), "function", source.functionId());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return got;
  }

  private boolean poll(String shardId) {
    String it = iterators.get(shardId);
    if (it == null) {
      return false;
    }
    var page = streams.getRecords(g -> g.shardIterator(it).limit(source.batchSize()));
    List<Record> records = page.records();
    delivered.addAndGet(records.size());
    if (records.isEmpty()) {
      advance(shardId, page.nextShardIterator());
      return false;
    }
    // FilterCriteria: records that match no filter are dropped without an invocation, as in AWS
    List<Record> matching = records.stream().filter(r -> source.filter().matches(recordNode(r))).toList();
    if (matching.isEmpty()) {
      checkpoints.put(checkpointKey(shardId), records.get(records.size() - 1).dynamodb().sequenceNumber());
      advance(shardId, page.nextShardIterator());
      return true;
    }
    if (!background && redeliver.getAsBoolean()) {
      function.invoke(event(matching), "dynamodb " + source.tableId() + " (again)", r -> outcome(r));
    }
    if (source.parallelization() > 1 && background) {
      deliverInParallel(shardId, matching, records.get(records.size() - 1).dynamodb().sequenceNumber());
    } else {
      deliver(shardId, matching, true);
    }
    advance(shardId, page.nextShardIterator());
    return true;
  }

  /**
   * ParallelizationFactor: the records split by partition key ({@code pk}) into up to that many
   * batches, handed to the function at once, each in order; the shard's checkpoint moves past the read
   * once all of them are done (a crash in between delivers again: at least once).
   */
  private void deliverInParallel(String shardId, List<Record> records, String lastSequence) {
    Map<Integer, List<Record>> groups = new java.util.TreeMap<>();
    for (Record r : records) {
      AttributeValue pk = r.dynamodb().hasKeys() ? r.dynamodb().keys().get("pk") : null;
      int group = Math.floorMod(pk == null ? 0 : String.valueOf(pk.s()).hashCode(), source.parallelization());
      groups.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
    }
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (List<Record> group : groups.values()) {
        pool.submit(() -> deliver(shardId, group, false));
      }
    }
    checkpoints.put(checkpointKey(shardId), lastSequence);
  }

  /**
   * Hands {@code batch} to the function until it succeeds (from the first reported failure on), or
   * skips it after MaximumRetryAttempts; {@code checkpoint}: moves the shard's checkpoint as it goes.
   */
  private void deliver(String shardId, List<Record> batch, boolean checkpoint) {
    int attempt = 0;
    while (running && !batch.isEmpty()) {
      LocalFunction.Result result = function.invoke(event(batch), "dynamodb " + source.tableId(),
          r -> outcome(r));
      String failedAt = result.ok() ? firstFailure(result) : batch.get(0).dynamodb().sequenceNumber();
      int done = indexOf(batch, failedAt);
      if (done > 0 && checkpoint) {
        checkpoints.put(checkpointKey(shardId), batch.get(done - 1).dynamodb().sequenceNumber());
      }
      if (done == batch.size()) {
        break;
      }
      batch = batch.subList(done, batch.size());
      attempt++;
      if (source.maximumRetryAttempts() >= 0 && attempt > source.maximumRetryAttempts()) {
        onFailure(shardId, batch);
        if (checkpoint) {
          checkpoints.put(checkpointKey(shardId), batch.get(batch.size() - 1).dynamodb().sequenceNumber());
        }
        break;
      }
      if (background) {
        pause(Math.min(1000L * attempt, 5000L));
      }
    }
  }

  private void advance(String shardId, String next) {
    if (next == null) {
      iterators.remove(shardId);
      finished.put(shardId, true);
    } else {
      iterators.put(shardId, next);
    }
  }

  /** Index of the record with this sequence number; the batch size when {@code null} (all succeeded). */
  private static int indexOf(List<Record> batch, String sequence) {
    if (sequence == null) {
      return batch.size();
    }
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).dynamodb().sequenceNumber().equals(sequence)) {
        return i;
      }
    }
    return 0; // an unknown identifier fails the whole batch, as in Lambda
  }

  private String firstFailure(LocalFunction.Result result) {
    if (!source.reportsFailures()) {
      return null;
    }
    try {
      JsonNode node = Json.mapper().readTree(result.output());
      String first = null;
      if (node != null) {
        for (JsonNode f : node.path("batchItemFailures")) {
          String id = f.path("itemIdentifier").asText("");
          if (first == null || id.isEmpty() || compare(id, first) < 0) {
            first = id;
          }
        }
      }
      return first;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static int compare(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  private String outcome(LocalFunction.Result result) {
    String failed = firstFailure(result);
    return failed == null ? "ok" : "partial (retry from sequence " + failed + ")";
  }

  private void onFailure(String shardId, List<Record> batch) {
    LOG.warn("stream batch skipped after retries", "function", source.functionId(), "records", batch.size(),
        "maximumRetryAttempts", source.maximumRetryAttempts());
    if (onFailureQueueUrl == null) {
      return;
    }
    ObjectNode info = Json.mapper().createObjectNode();
    ObjectNode ctx = info.putObject("requestContext");
    ctx.put("requestId", java.util.UUID.randomUUID().toString());
    ctx.put("functionArn", "arn:aws:lambda:" + region + ":000000000000:function:" + source.functionId());
    ctx.put("condition", "RetryAttemptsExhausted");
    ctx.put("approximateInvokeCount", source.maximumRetryAttempts() + 1);
    ObjectNode batchInfo = info.putObject("DDBStreamBatchInfo");
    batchInfo.put("shardId", shardId);
    batchInfo.put("startSequenceNumber", batch.get(0).dynamodb().sequenceNumber());
    batchInfo.put("endSequenceNumber", batch.get(batch.size() - 1).dynamodb().sequenceNumber());
    batchInfo.put("batchSize", batch.size());
    batchInfo.put("streamArn", streamArn);
    info.put("timestamp", Instant.now().toString());
    sqs.sendMessage(m -> m.queueUrl(onFailureQueueUrl).messageBody(Json.write(info)));
  }

  private byte[] event(List<Record> batch) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode records = root.putArray("Records");
    for (Record r : batch) {
      records.add(recordNode(r));
    }
    return Json.write(root).getBytes(StandardCharsets.UTF_8);
  }

  /** One stream record as Lambda shows it to the function (and to FilterCriteria patterns). */
  private ObjectNode recordNode(Record r) {
    {
      ObjectNode e = Json.mapper().createObjectNode();
      e.put("eventID", r.eventID());
      e.put("eventName", r.eventNameAsString());
      e.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
      e.put("eventSource", "aws:dynamodb");
      e.put("awsRegion", region);
      ObjectNode d = e.putObject("dynamodb");
      var s = r.dynamodb();
      if (s.approximateCreationDateTime() != null) {
        d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
      }
      if (s.hasKeys()) {
        d.set("Keys", image(s.keys()));
      }
      if (s.hasNewImage()) {
        d.set("NewImage", image(s.newImage()));
      }
      if (s.hasOldImage()) {
        d.set("OldImage", image(s.oldImage()));
      }
      d.put("SequenceNumber", s.sequenceNumber());
      if (s.sizeBytes() != null) {
        d.put("SizeBytes", s.sizeBytes());
      }
      d.put("StreamViewType", s.streamViewTypeAsString());
      if (r.userIdentity() != null) {
        ObjectNode id = e.putObject("userIdentity");
        id.put("type", r.userIdentity().type());
        id.put("principalId", r.userIdentity().principalId());
      }
      e.put("eventSourceARN", streamArn);
      return e;
    }
  }

  private static ObjectNode image(Map<String, AttributeValue> item) {
    ObjectNode out = Json.mapper().createObjectNode();
    item.forEach((k, v) -> out.set(k, value(v)));
    return out;
  }

  /** An attribute value in DynamoDB JSON ({@code {"S": "x"}}), as stream events carry it. */
  static ObjectNode value(AttributeValue v) {
    ObjectNode n = Json.mapper().createObjectNode();
    Base64.Encoder b64 = Base64.getEncoder();
    switch (v.type()) {
      case S -> n.put("S", v.s());
      case N -> n.put("N", v.n());
      case B -> n.put("B", b64.encodeToString(v.b().asByteArray()));
      case BOOL -> n.put("BOOL", v.bool());
      case NUL -> n.put("NULL", true);
      case SS -> v.ss().forEach(n.putArray("SS")::add);
      case NS -> v.ns().forEach(n.putArray("NS")::add);
      case BS -> {
        ArrayNode a = n.putArray("BS");
        v.bs().forEach(b -> a.add(b64.encodeToString(b.asByteArray())));
      }
      case L -> {
        ArrayNode a = n.putArray("L");
        v.l().forEach(x -> a.add(value(x)));
      }
      case M -> {
        ObjectNode m = n.putObject("M");
        v.m().forEach((k, x) -> m.set(k, value(x)));
      }
      default -> throw new IllegalArgumentException("unknown attribute value type " + v.type());
    }
    return n;
  }


}
