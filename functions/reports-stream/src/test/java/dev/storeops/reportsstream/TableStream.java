package dev.storeops.reportsstream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the store table's real DynamoDB stream on the test stack (DynamoDB Local implements the
 * Streams API) and turns its records into the Lambda {@link DynamodbEvent} the function receives.
 */
final class TableStream implements AutoCloseable {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final String region;
  private final Map<String, String> iterators = new LinkedHashMap<>();

  TableStream(AwsStack stack) {
    this.region = stack.endpoints().region();
    this.streams = DynamoDbStreamsClient.builder().region(Region.of(region))
        .endpointOverride(stack.endpoints().dynamoDb())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            stack.endpoints().accessKey(), stack.endpoints().secretKey())))
        .httpClient(dev.storeops.platform.aws.AwsClients.httpClient())
        .build();
    this.streamArn = stack.dynamoDb().describeTable(d -> d.tableName(stack.tableName("StoreTable")))
        .table().latestStreamArn();
  }

  /** Every record written since the last call (the first call reads from the start of the stream). */
  List<Record> readNew() {
    for (Shard shard : streams.describeStream(d -> d.streamArn(streamArn)).streamDescription().shards()) {
      iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(g -> g.streamArn(streamArn)
          .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
    }
    List<Record> out = new ArrayList<>();
    for (var e : iterators.entrySet()) {
      String iterator = e.getValue();
      while (iterator != null) {
        String it = iterator;
        var page = streams.getRecords(g -> g.shardIterator(it).limit(1000));
        out.addAll(page.records());
        iterator = page.nextShardIterator();
        e.setValue(iterator);
        if (page.records().isEmpty()) {
          break;
        }
      }
    }
    return out;
  }

  /** The Lambda event for {@code records}, through the Lambda runtime's own event deserializer. */
  DynamodbEvent event(List<Record> records) {
    return LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
        .fromJson(new ByteArrayInputStream(json(records).getBytes(StandardCharsets.UTF_8)));
  }

  String json(List<Record> records) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode list = root.putArray("Records");
    for (Record rec : records) {
      ObjectNode r = list.addObject();
      r.put("eventID", rec.eventID());
      r.put("eventName", rec.eventNameAsString());
      r.put("eventVersion", "1.1");
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
    }
    return Json.write(root);
  }

  private static ObjectNode image(Map<String, AttributeValue> item) {
    ObjectNode out = Json.mapper().createObjectNode();
    item.forEach((k, v) -> out.set(k, value(v)));
    return out;
  }

  private static ObjectNode value(AttributeValue v) {
    ObjectNode n = Json.mapper().createObjectNode();
    switch (v.type()) {
      case S -> n.put("S", v.s());
      case N -> n.put("N", v.n());
      case B -> n.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
      case BOOL -> n.put("BOOL", v.bool());
      case SS -> v.ss().forEach(n.putArray("SS")::add);
      case NS -> v.ns().forEach(n.putArray("NS")::add);
      case M -> n.set("M", image(v.m()));
      case L -> {
        ArrayNode l = n.putArray("L");
        v.l().forEach(x -> l.add(value(x)));
      }
      default -> n.put("NULL", true);
    }
    return n;
  }

  @Override
  public void close() {
    streams.close();
  }
}
