package dev.storeops.emailsender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.Customer;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sending.MailHandBack;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.SqsQueueDriver;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * SES refusals on the stack: the email-sender handler built from template.yaml (only the hand-back base
 * shortened to 2 s), the real EmailQueue and its DLQ on ElasticMQ, aws-ses-v2-local behind an SDK
 * interceptor that answers SES's own throttling / rejection exceptions ({@link SesRefusals}).
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailThrottlingTest {
  private static final int BASE_SECONDS = 2;
  private AwsStack stack;
  private EmailSenderHandler handler;
  private SqsQueueDriver queue;
  private SqsMailOutbox outbox;
  private DynamoCustomerStore customers;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("EmailSenderFunction"));
    assertEquals("30", env.get("MAIL_THROTTLE_BASE_SECONDS"), "the template's base");
    env.put("MAIL_THROTTLE_BASE_SECONDS", Integer.toString(BASE_SECONDS));
    this.handler = new EmailSenderHandler(Env.of(env));
    this.queue = new SqsQueueDriver(stack, "EmailQueue");
    this.outbox = new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue"));
    this.customers = new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable"));
  }

  @AfterEach
  void sesAnswersAgain() {
    SesRefusals.stop();
  }

  private MailIntent birthday() {
    String u = UUID.randomUUID().toString().substring(0, 8);
    Customer c = new Customer("cus_th" + u, "th." + u + "@example.com", "Анна " + u, "+79123456789", null, true,
        Instant.now(), "ru", Instant.now(), null);
    customers.create(c);
    return new MailIntent("birthday#" + c.id() + "#2026", "birthday", MailIntent.Category.MARKETING, c.id(),
        c.email(), null, "birthday", Map.of("customerName", c.name(), "promoCode", "BD-TEST2345",
            "discountText", "10%", "validUntil", "2026-12-06"));
  }

  /** Receives and delivers until a message comes; returns it and how long it waited in the queue (ms). */
  private record Came(Message message, long waitedMs) {}

  private Came deliverWhenItComes() {
    for (int round = 0; round < 30; round++) {
      List<Message> got = queue.deliver(handler, 1).messages();
      if (!got.isEmpty()) {
        assertEquals(1, got.size());
        var a = got.get(0).attributes();
        long sent = Long.parseLong(a.get(MessageSystemAttributeName.SENT_TIMESTAMP));
        long received = Long.parseLong(a.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP));
        return new Came(got.get(0), received - sent);
      }
    }
    throw new AssertionError("the mail never came back");
  }

  private boolean inDlq(String dedupeKey) {
    String dlq = stack.queueUrl("EmailDLQ");
    var messages = stack.sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)
        .visibilityTimeout(0)).messages();
    return messages.stream().anyMatch(m -> m.body().contains(dedupeKey));
  }

  @Test
  void aThrottledMailComesBackLaterEachTimeLaterWithoutUsingItsReceivesAndIsSent() {
    MailIntent intent = birthday();
    SesRefusals.refuseNext(2, SesRefusals::throttling);
    outbox.send(List.of(intent));

    Came first = deliverWhenItComes();
    assertEquals("1", first.message().attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    assertTrue(stack.sentMail().stream().noneMatch(m -> m.to().contains(intent.to())), "throttled: not sent");

    Came second = deliverWhenItComes();
    assertEquals("1", second.message().messageAttributes().get(MailHandBack.THROTTLED_ATTRIBUTE).stringValue());
    assertEquals("1", second.message().attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
        "a fresh copy: throttling used none of the DLQ budget");
    assertTrue(second.waitedMs() >= BASE_SECONDS * 1000L - 200, "back after the first delay: " + second.waitedMs());

    Came third = deliverWhenItComes();
    assertEquals("2", third.message().messageAttributes().get(MailHandBack.THROTTLED_ATTRIBUTE).stringValue());
    assertTrue(third.waitedMs() >= 2 * BASE_SECONDS * 1000L - 200, "the second delay is twice as long: "
        + third.waitedMs());
    assertTrue(third.waitedMs() > second.waitedMs(), second.waitedMs() + " then " + third.waitedMs());

    assertEquals(1, stack.sentMail().stream().filter(m -> m.to().contains(intent.to())).count(),
        "sent once SES takes it again");
    assertTrue(!inDlq(intent.dedupeKey()), "never in the DLQ");
  }

  @Test
  void aPermanentRejectionIsTriedOnceRecordedAndNotInTheDlq() {
    MailIntent intent = birthday();
    SesRefusals.refuseNext(1, SesRefusals::invalidAddress);
    outbox.send(List.of(intent));
    deliverWhenItComes();
    assertTrue(queue.deliver(handler, 2).messages().isEmpty(), "not retried");
    var log = stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).consistentRead(true)
        .key(TableKeys.primaryKey(TableKeys.MAIL_LOG.key(intent.dedupeKey()), "MAILLOG"))).item();
    assertEquals("REJECTED", log.get("status").s(), log.toString());
    assertTrue(log.get("detail").s().contains("BadRequestException"), log.toString());
    assertTrue(stack.sentMail().stream().noneMatch(m -> m.to().contains(intent.to())));
    assertTrue(!inDlq(intent.dedupeKey()));
  }
}
