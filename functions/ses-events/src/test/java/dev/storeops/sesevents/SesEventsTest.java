package dev.storeops.sesevents;

import dev.storeops.messaging.ses.SesNotifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import java.time.Instant;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Real-shaped SES → SNS → SQS notifications (events/ses-events) through the handler, on DynamoDB Local. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SesEventsTest {
  private AwsStack stack;
  private SesEventsHandler handler;
  private DynamoSuppressionList list;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("SesEventsFunction", SesEventsHandler.class);
    this.list = new DynamoSuppressionList(stack.dynamoDb(), stack.tableName("StoreTable"));
  }

  private static SQSEvent event(String fixture, String address, String replacement) {
    SQSEvent event = EventLoader.loadSQSEvent("events/ses-events/" + fixture);
    event.getRecords().forEach(r -> r.setBody(r.getBody().replace(address, replacement)));
    return event;
  }

  private Map<String, AttributeValue> item(String email) {
    return stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).key(Map.of(
        "pk", AttributeValue.fromS("SUPPRESSED#" + email), "sk", AttributeValue.fromS("SUPPRESSED")))).item();
  }

  @Test
  void aPermanentBounceSuppressesTheAddressOnceEvenWhenRedelivered() {
    String address = "bounced." + UUID.randomUUID() + "@example.com";
    SQSEvent event = event("bounce-permanent.json", "bounced.customer@example.com", address);
    assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    assertTrue(list.isSuppressed(address));
    Map<String, AttributeValue> first = item(address);
    assertEquals("bounce:Permanent/General", first.get("reason").s());
    assertNotNull(first.get("suppressedAt"));
    assertEquals("0107018f2b9c1f0e-3c2b8e1a-7d4e-4a55-9c0e-2f9b8c1d0a11-000000", first.get("source").s());

    assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    assertEquals(first, item(address), "a redelivery changes nothing");
  }

  @Test
  void aComplaintSuppressesTheLowerCaseAddress() {
    String local = "Complaining." + UUID.randomUUID();
    SQSEvent event = event("complaint.json", "Complaining.Customer", local);
    assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    String key = (local + "@example.com").toLowerCase();
    assertEquals("complaint:abuse", item(key).get("reason").s());
    assertTrue(list.isSuppressed(local.toUpperCase() + "@EXAMPLE.COM"));
  }

  @Test
  void aTransientBounceSuppressesNothingAndAnUnreadableMessageIsABatchItemFailure() {
    String address = "full." + UUID.randomUUID() + "@example.com";
    SQSEvent event = event("bounce-transient-and-garbage.json", "full.mailbox@example.com", address);
    SQSBatchResponse response = handler.handleRequest(event, null);
    assertEquals(List.of(event.getRecords().get(1).getMessageId()),
        response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
    assertFalse(list.isSuppressed(address));
  }

  private Map<String, AttributeValue> mailLog(String dedupeKey) {
    return stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).consistentRead(true).key(Map.of(
        "pk", AttributeValue.fromS("MAILLOG#" + dedupeKey), "sk", AttributeValue.fromS("MAILLOG")))).item();
  }

  /** A customer with a mail sent to them, as email-sender records it; returns the customer. */
  private Customer customerWithSentMail(String email, String dedupeKey, String sesMessageId) {
    String table = stack.tableName("StoreTable");
    Customer c = new Customer("cus_" + UUID.randomUUID().toString().substring(0, 12), email, "Ольга Отказова", null,
        null, false, null, "ru", Instant.parse("2026-11-01T10:00:00Z"), null);
    new DynamoCustomerStore(stack.dynamoDb(), table).create(c, CustomerStore.Secrets.NONE);
    DynamoSendLog log = new DynamoSendLog(stack.dynamoDb(), table);
    Instant at = Instant.parse("2026-11-20T09:40:02Z");
    assertTrue(log.reserve(dedupeKey, "a1", "birthday", "birthday", c.id(), at, at.minusSeconds(60)));
    log.complete(dedupeKey, "a1", "SENT", sesMessageId, at);
    return c;
  }

  @Test
  void aBounceIsFiledOnTheMailsSendLogEntryFoundByItsMailKeyHeaderOnceEvenWhenRedelivered() {
    String address = "bounced." + UUID.randomUUID() + "@example.com";
    String key = "birthday:" + UUID.randomUUID();
    customerWithSentMail(address, key, "ses-" + UUID.randomUUID());
    SQSEvent event = event("bounce-of-a-logged-mail.json", "bounced.customer@example.com", address);
    event.getRecords().forEach(r -> r.setBody(r.getBody().replace("welcome:cus_fixture_bounce", key)));
    assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    Map<String, AttributeValue> entry = mailLog(key);
    assertEquals("BOUNCED", entry.get("feedback").s());
    assertEquals("bounce:Permanent/General", entry.get("feedbackDetail").s());
    assertEquals("SENT", entry.get("status").s(), "the send's own record stays");
    assertTrue(list.isSuppressed(address));

    assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    assertEquals("BOUNCED", mailLog(key).get("feedback").s());
  }

  @Test
  void aComplaintWithoutTheHeaderIsFiledThroughTheRecipientAndTheSesMessageId() {
    String local = "Complaining." + UUID.randomUUID();
    String key = "birthday:" + UUID.randomUUID();
    String sesId = "0107018f-" + UUID.randomUUID() + "-000000";
    customerWithSentMail(local + "@example.com", key, sesId);
    SQSEvent event = event("complaint.json", "Complaining.Customer", local);
    event.getRecords().forEach(r -> r.setBody(r.getBody()
        .replace("0107018f2b9c1f0e-3c2b8e1a-7d4e-4a55-9c0e-2f9b8c1d0a11-000000", sesId)));
    assertEquals(List.of(), handler.handleRequest(event, null).getBatchItemFailures());
    assertEquals("COMPLAINED", mailLog(key).get("feedback").s());
    assertEquals("complaint:abuse", mailLog(key).get("feedbackDetail").s());
  }

  @Test
  void parserReadsRawDeliveryAndClassicNotificationsAndRefusesOtherSnsTypes() {
    String classic = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"Suppressed\","
        + "\"bouncedRecipients\":[{\"emailAddress\":\"Ann <ann@example.com>\"}]},\"mail\":{\"messageId\":\"m1\"}}";
    assertEquals(List.of(new SesNotifications.Suppression("ann@example.com", "bounce:Permanent/Suppressed", "m1")),
        SesNotifications.suppressions(classic));
    assertEquals(List.of(), SesNotifications.suppressions("{\"eventType\":\"Delivery\",\"mail\":{}}"));
    assertThrows(SesNotifications.UnreadableNotificationException.class,
        () -> SesNotifications.suppressions("{\"Type\":\"SubscriptionConfirmation\",\"Message\":\"{}\"}"));
    assertThrows(SesNotifications.UnreadableNotificationException.class, () -> SesNotifications.suppressions("[]"));
    assertThrows(SesNotifications.UnreadableNotificationException.class, () -> SesNotifications.suppressions("{}"));
  }
}
