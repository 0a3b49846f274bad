package dev.storeops.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.junit.WithAwsStack;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The stack builds what template.yaml declares, on real emulators. */
@WithAwsStack
class AwsStackTest {

  @Test
  void createsTheTemplatesTableWithItsIndexesAndTtl(AwsStack stack) {
    String table = stack.tableName("StoreTable");
    assertEquals("storeops-test-store", table);
    var description = stack.dynamoDb().describeTable(b -> b.tableName(table)).table();
    Set<String> indexes = description.globalSecondaryIndexes().stream()
        .map(i -> i.indexName()).collect(Collectors.toSet());
    assertEquals(Set.of("GSI1", "GSI2", "DueIndex"), indexes);
    var ttl = stack.dynamoDb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    assertEquals("ttl", ttl.attributeName());
    assertTrue(Set.of(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING).contains(ttl.timeToLiveStatus()));
  }

  @Test
  void queuesRedriveToTheirDeadLetterQueueAfterThreeReceives(AwsStack stack) {
    String queue = stack.queueUrl("EmailQueue");
    String dlq = stack.queueUrl("EmailDLQ");
    var attributes = stack.sqs().getQueueAttributes(b -> b.queueUrl(queue)
        .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes();
    assertTrue(attributes.get(QueueAttributeName.REDRIVE_POLICY).contains("\"maxReceiveCount\":3"),
        attributes.toString());

    String body = "poison-" + System.nanoTime();
    stack.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));
    for (int i = 0; i < 3; i++) {
      var received = stack.sqs().receiveMessage(b -> b.queueUrl(queue).visibilityTimeout(0)
          .waitTimeSeconds(2).maxNumberOfMessages(10)).messages();
      assertTrue(received.stream().anyMatch(m -> m.body().equals(body)), "receive " + (i + 1));
    }
    var inDlq = stack.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(3)
        .maxNumberOfMessages(10)).messages();
    // the fourth receive moves it: ElasticMQ and SQS redrive on the receive after maxReceiveCount
    if (inDlq.stream().noneMatch(m -> m.body().equals(body))) {
      stack.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1).maxNumberOfMessages(10));
      inDlq = stack.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(3).maxNumberOfMessages(10)).messages();
    }
    assertTrue(inDlq.stream().anyMatch(m -> m.body().equals(body)), "message in the DLQ");
  }

  @Test
  void bucketStoresAndReturnsObjects(AwsStack stack) {
    String bucket = stack.bucketName("SupplierBucket");
    stack.s3().putObject(b -> b.bucket(bucket).key("incoming/acme/stock.csv"),
        RequestBody.fromString("sku;qty\nA-1;5\n", StandardCharsets.UTF_8));
    String back = stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key("incoming/acme/stock.csv"))
        .asString(StandardCharsets.UTF_8);
    assertEquals("sku;qty\nA-1;5\n", back);
  }

  @Test
  void sesAcceptsMailAndTheTestCanReadItBack(AwsStack stack) {
    String to = "reader-" + System.nanoTime() + "@example.com";
    stack.ses().sendEmail(b -> b.fromEmailAddress("shop@example.com")
        .destination(d -> d.toAddresses(to))
        .content(c -> c.simple(s -> s.subject(t -> t.data("Привет").charset("UTF-8"))
            .body(body -> body.text(t -> t.data("Ваш заказ принят").charset("UTF-8"))))));
    var mail = stack.sentMail().stream().filter(m -> m.to().contains(to)).findFirst().orElseThrow();
    assertEquals("Привет", mail.subject());
    assertEquals("Ваш заказ принят", mail.text());
  }

  @Test
  void functionEnvironmentResolvesTheTemplatesReferences(AwsStack stack) {
    var env = stack.functionEnvironment("OrderApiFunction");
    assertEquals("storeops-test-store", env.get("TABLE_NAME"));
    assertEquals("test", env.get("STAGE"));
    assertEquals(stack.endpoints().dynamoDb().toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB"));
  }
}
