package dev.storeops.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.template.SamTemplate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The LocalStack tier: the template's resources on LocalStack, and the SES read-back that differs
 * from the embedded emulator. Runs only where a Docker engine answers; skipped (with the reason in
 * the report) elsewhere — the only tests that are ever skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackBackendTest {
  private AwsStack stack;

  @BeforeAll
  void start() {
    stack = AwsStack.start(LocalStackBackend.start(),
        SamTemplate.load(RepoRoot.find().resolve("template.yaml")), AwsStack.TEST_PARAMETERS);
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void createsTheTemplatesTableQueuesAndBucket() {
    var table = stack.dynamoDb().describeTable(b -> b.tableName(stack.tableName("StoreTable"))).table();
    Set<String> indexes = table.globalSecondaryIndexes().stream().map(i -> i.indexName()).collect(Collectors.toSet());
    assertEquals(Set.of("GSI1", "GSI2", "DueIndex"), indexes);
    for (String queue : stack.template().resourcesOfType("AWS::SQS::Queue")) {
      assertTrue(stack.queueUrl(queue).contains(stack.resources().name(queue)), queue);
    }
    assertTrue(stack.s3().listBuckets().buckets().stream()
        .anyMatch(b -> b.name().equals(stack.bucketName("SupplierBucket"))));
  }

  @Test
  void sentMailIsReadBackFromLocalStack() {
    stack.ses().createEmailIdentity(b -> b.emailIdentity("shop@example.com"));
    String to = "localstack-" + System.nanoTime() + "@example.com";
    stack.ses().sendEmail(b -> b.fromEmailAddress("shop@example.com")
        .destination(d -> d.toAddresses(to))
        .content(c -> c.simple(s -> s.subject(t -> t.data("Заказ принят"))
            .body(body -> body.text(t -> t.data("Спасибо!"))))));
    SentMail mail = stack.sentMail().stream().filter(m -> m.to().contains(to)).findFirst().orElseThrow();
    assertEquals("Заказ принят", mail.subject());
    assertEquals("Спасибо!", mail.text());
  }
}
