package dev.storeops.stack;

import dev.storeops.stack.template.Intrinsics;
import dev.storeops.stack.template.SamTemplate;
import dev.storeops.platform.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's tables (keys, GSIs, TTL, streams), queues (dead-letter queues first, then
 * the queues that redrive to them) and buckets on an emulated stack. Resources that exist already
 * (a kept data directory) are reused. Resource types with no emulator here are listed in {@link
 * #skipped()}.
 */
public final class Provisioner {
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;
  private final S3Client s3;
  private final List<String> skipped = new ArrayList<>();

  public Provisioner(DynamoDbClient dynamo, SqsClient sqs, S3Client s3) {
    this.dynamo = dynamo;
    this.sqs = sqs;
    this.s3 = s3;
  }

  public List<String> skipped() {
    return List.copyOf(skipped);
  }

  public void provision(StackResources names) {
    SamTemplate template = names.template();
    for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
      createTable(names, id, template.properties(id));
    }
    List<String> queues = new ArrayList<>(template.resourcesOfType("AWS::SQS::Queue"));
    queues.sort((a, b) -> Boolean.compare(hasRedrive(template, a), hasRedrive(template, b)));
    for (String id : queues) {
      createQueue(names, id, template.properties(id));
    }
    for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
      createBucket(names.name(id));
    }
    template.resources().forEach((id, r) -> {
      String type = (String) r.get("Type");
      if (!List.of("AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::S3::Bucket").contains(type)) {
        skipped.add(id + " (" + type + ")");
      }
    });
  }

  private static boolean hasRedrive(SamTemplate template, String queue) {
    return template.properties(queue).containsKey("RedrivePolicy");
  }

  @SuppressWarnings("unchecked")
  private void createTable(StackResources names, String id, Map<String, Object> p) {
    String table = names.name(id);
    var request = CreateTableRequest.builder().tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(((List<Map<String, Object>>) p.get("AttributeDefinitions")).stream()
            .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                .attributeType((String) a.get("AttributeType")).build()).toList())
        .keySchema(keys((List<Map<String, Object>>) p.get("KeySchema")));
    Object gsis = p.get("GlobalSecondaryIndexes");
    if (gsis instanceof List<?> list && !list.isEmpty()) {
      request.globalSecondaryIndexes(((List<Map<String, Object>>) list).stream().map(g -> {
        Map<String, Object> projection = (Map<String, Object>) g.getOrDefault("Projection", Map.of("ProjectionType", "ALL"));
        var pb = Projection.builder().projectionType((String) projection.get("ProjectionType"));
        if (projection.get("NonKeyAttributes") instanceof List<?> nk) {
          pb.nonKeyAttributes((List<String>) nk);
        }
        return GlobalSecondaryIndex.builder().indexName((String) g.get("IndexName"))
            .keySchema(keys((List<Map<String, Object>>) g.get("KeySchema")))
            .projection(pb.build()).build();
      }).toList());
    }
    if (p.get("StreamSpecification") instanceof Map<?, ?> stream) {
      request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
          .streamViewType((String) stream.get("StreamViewType")).build());
    }
    try {
      dynamo.createTable(request.build());
      dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    } catch (ResourceInUseException exists) {
      return; // kept from an earlier run
    }
    if (p.get("TimeToLiveSpecification") instanceof Map<?, ?> ttl && Boolean.TRUE.equals(ttl.get("Enabled"))) {
      dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(
          t -> t.attributeName((String) ttl.get("AttributeName")).enabled(true)));
    }
  }

  private static List<KeySchemaElement> keys(List<Map<String, Object>> schema) {
    return schema.stream().map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
        .keyType((String) k.get("KeyType")).build()).toList();
  }

  private void createQueue(StackResources names, String id, Map<String, Object> p) {
    Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
    Map<String, QueueAttributeName> simple = Map.of(
        "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT,
        "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
        "DelaySeconds", QueueAttributeName.DELAY_SECONDS,
        "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
        "FifoQueue", QueueAttributeName.FIFO_QUEUE,
        "ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
    simple.forEach((property, attribute) -> {
      if (p.get(property) != null) {
        attributes.put(attribute, Intrinsics.resolveString(p.get(property), names));
      }
    });
    if (p.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
      Map<String, Object> policy = new HashMap<>();
      policy.put("deadLetterTargetArn", Intrinsics.resolveString(redrive.get("deadLetterTargetArn"), names));
      policy.put("maxReceiveCount", redrive.get("maxReceiveCount"));
      attributes.put(QueueAttributeName.REDRIVE_POLICY, Json.write(policy));
    }
    String url = sqs.createQueue(b -> b.queueName(names.name(id)).attributes(attributes)).queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    names.queueCreated(id, url, arn);
  }

  private void createBucket(String bucket) {
    try {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException exists) {
      // kept from an earlier run
    }
  }
}
