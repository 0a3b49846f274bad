package dev.storeops.emailsender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.junit.SqsQueueDriver;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mail outcomes as metrics: MailsSent, MailsSkipped, MailsRetried, then MailsFailed on the last receive, BatchItemFailures. */
@WithAwsStack
class EmailSenderMetricsTest {

  @Test
  void eachOutcomeIsCountedOnceAndAFailureOnItsLastReceiveIsMailsFailed(AwsStack stack) {
    EmailSenderHandler handler = stack.handler("EmailSenderFunction", EmailSenderHandler.class);
    SqsQueueDriver queue = new SqsQueueDriver(stack, "EmailQueue");
    SqsMailOutbox outbox = new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue"));
    queue.drain(handler, 10);   // what other tests left on the shared queue is not ours to count
    String u = UUID.randomUUID().toString().substring(0, 8);
    Customer c = new Customer("cus_m" + u, "m." + u + "@example.com", "Анна " + u, "+79123456789", null, false,
        Instant.now(), "ru", Instant.now(), null);
    new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable")).create(c);
    MailIntent welcome = new MailIntent("welcome#" + c.id(), "welcome", MailIntent.Category.TRANSACTIONAL, c.id(),
        c.email(), null, "welcome-m-" + u, Map.of("customerName", c.name()));
    MailIntent noConsent = new MailIntent("birthday#" + c.id(), "birthday", MailIntent.Category.MARKETING, c.id(),
        c.email(), null, "birthday-m-" + u, Map.of("customerName", c.name(), "promoCode", "BD-TEST2345",
            "discountText", "10%", "validUntil", "2026-12-06"));
    MailIntent broken = new MailIntent("broken#" + u, "no-such-template", MailIntent.Category.TRANSACTIONAL, null,
        "ops." + u + "@example.com", "en", "broken-m-" + u, Map.of());

    try (EmfMetrics metrics = EmfMetrics.watchStandardOutput()) {
      outbox.send(List.of(welcome, welcome, noConsent, broken));
      for (int i = 0; i < 4; i++) {
        queue.deliverOnce(handler);
      }
      assertEquals(1, metrics.total(ShopMetrics.MAILS_SENT));          // the duplicate is not a second send
      assertEquals(1, metrics.total(ShopMetrics.MAILS_SKIPPED));       // marketing without consent
      assertEquals(2, metrics.total(ShopMetrics.MAILS_RETRIED));       // receives 1 and 2 of the broken intent
      assertEquals(1, metrics.total(ShopMetrics.MAILS_FAILED));        // receive 3: to the DLQ
      assertEquals(3, metrics.total(Metrics.BATCH_ITEM_FAILURES));
    }
  }
}
