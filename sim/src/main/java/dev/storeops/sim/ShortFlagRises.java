package dev.storeops.sim;

import dev.storeops.platform.aws.AwsClients;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.Endpoints;
import java.util.LinkedHashMap;
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
 * Every rise of an order's {@code short} flag (not short → short), read from the store table's stream
 * (NEW_AND_OLD_IMAGES) by the simulation's own reader, beside the functions' stream consumers. Unlike
 * the hourly look at the orders, it sees a flag raised, cleared and raised again within one hour twice —
 * as the {@code OrdersShort} metric counts it — so the metric can be judged exactly.
 */
final class ShortFlagRises implements AutoCloseable {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  /** Each shard's next iterator; a shard whose iterator ran out (closed and read) maps to null. */
  private final Map<String, String> iterators = new LinkedHashMap<>();
  /** Each shard's last record read, to start again after it when an iterator has expired (15 minutes). */
  private final Map<String, String> lastRead = new LinkedHashMap<>();
  private long rises;

  ShortFlagRises(AwsStack stack, String table) {
    Endpoints e = stack.endpoints();
    this.streams = DynamoDbStreamsClient.builder().endpointOverride(e.dynamoDb())
        .region(Region.of(e.region())).httpClient(AwsClients.httpClient())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(e.accessKey(), e.secretKey())))
        .build();
    this.streamArn = stack.dynamoDb().describeTable(d -> d.tableName(table)).table().latestStreamArn();
  }

  /** The rises seen in every record written so far. */
  long rises() {
    String last = null;
    do {
      String from = last;
      var page = streams.describeStream(d -> d.streamArn(streamArn).exclusiveStartShardId(from)).streamDescription();
      for (Shard shard : page.shards()) {
        if (!iterators.containsKey(shard.shardId())) {
          iterators.put(shard.shardId(), streams.getShardIterator(g -> g.streamArn(streamArn).shardId(shard.shardId())
              .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
      }
      last = page.lastEvaluatedShardId();
    } while (last != null);
    for (Map.Entry<String, String> shard : iterators.entrySet()) {
      String it = shard.getValue();
      while (it != null) {
        String at = it;
        software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse page;
        try {
          page = streams.getRecords(g -> g.shardIterator(at).limit(1000));
        } catch (software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException e) {
          String after = lastRead.get(shard.getKey());
          it = streams.getShardIterator(g -> g.streamArn(streamArn).shardId(shard.getKey())
              .shardIteratorType(after == null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
              .sequenceNumber(after)).shardIterator();
          continue;
        }
        for (Record r : page.records()) {
          count(r);
          lastRead.put(shard.getKey(), r.dynamodb().sequenceNumber());
        }
        it = page.nextShardIterator();
        if (page.records().isEmpty()) {
          break; // an open shard answers empty pages with a next iterator: come back at the next read
        }
      }
      shard.setValue(it);
    }
    return rises;
  }

  private void count(Record record) {
    var data = record.dynamodb();
    Map<String, AttributeValue> keys = data.keys();
    AttributeValue pk = keys.get("pk");
    AttributeValue sk = keys.get("sk");
    if (pk == null || sk == null || !pk.s().startsWith("ORDER#") || !"ORDER".equals(sk.s())) {
      return;
    }
    if (isShort(data.newImage()) && !isShort(data.oldImage())) {
      rises++;
    }
  }

  static boolean isShort(Map<String, AttributeValue> image) {
    if (image == null) {
      return false;
    }
    AttributeValue flag = image.get("short");
    return flag != null && Boolean.TRUE.equals(flag.bool());
  }

  @Override
  public void close() {
    streams.close();
  }
}
