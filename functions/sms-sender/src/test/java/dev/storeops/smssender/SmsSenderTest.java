package dev.storeops.smssender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.dynamo.DynamoSmsConsents;
import dev.storeops.messaging.sms.SmsIntent;
import dev.storeops.messaging.sqs.SqsSmsOutbox;
import dev.storeops.platform.config.Env;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.SqsQueueDriver;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.stack.standins.SmsRuStandIn;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sms-sender handler on the stack: the SmsQueue on ElasticMQ, the send log and the SMS choice on
 * DynamoDB Local, the provider SMS.ru (its wiring from the template's environment, pointed at the local
 * stand-in). A message delivered twice sends once.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsSenderTest {
  private AwsStack stack;
  private SmsRuStandIn smsRu;
  private SmsSenderHandler handler;
  private SqsQueueDriver queue;
  private SqsSmsOutbox outbox;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.smsRu = new SmsRuStandIn();
    Map<String, String> env = new HashMap<>(stack.functionEnvironment("SmsSenderFunction"));
    env.put("SMS_PROVIDER", "smsru");
    env.put("SMSRU_BASE_URL", smsRu.baseUrl());
    env.put("SMSRU_API_ID", SmsRuStandIn.API_ID);
    env.put("SMS_SENDER_NAME", "MyShop");
    this.handler = new SmsSenderHandler(Env.of(env));
    this.queue = new SqsQueueDriver(stack, "SmsQueue");
    this.outbox = new SqsSmsOutbox(stack.sqs(), stack.queueUrl("SmsQueue"));
    this.table = stack.tableName("StoreTable");
  }

  @AfterAll
  void stop() {
    smsRu.close();
  }

  /** A unique Russian mobile number per test. */
  private static String phone() {
    return "+7903" + String.format("%07d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000L));
  }

  private static SmsIntent shipped(String orderId, String customerId, String phone) {
    return new SmsIntent("order-shipped#" + orderId, customerId, phone, "ru", "order-shipped",
        Map.of("orderNumber", "261130-" + orderId, "carrier", "CDEK", "trackingNumber", "1234567890"));
  }

  private Map<String, AttributeValue> log(String dedupeKey) {
    return stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("MAILLOG#sms#" + dedupeKey), "sk", AttributeValue.fromS("MAILLOG")))).item();
  }

  @Test
  void aMessageDeliveredTwiceSendsOnce() {
    String phone = phone();
    String order = UUID.randomUUID().toString().substring(0, 8);
    SmsIntent intent = shipped(order, "cus_" + order, phone);
    outbox.send(List.of(intent, intent));
    queue.drain(handler, 5);
    outbox.send(intent);
    queue.drain(handler, 5);

    List<Map<String, String>> sent = smsRu.requestsTo(phone.substring(1));
    assertEquals(1, sent.size());
    assertEquals("Заказ 261130-" + order + " отправлен: CDEK, трек 1234567890", sent.get(0).get("msg"));
    assertEquals("MyShop", sent.get(0).get("from"));
    var item = log("order-shipped#" + order);
    assertEquals("SENT", item.get("status").s());
    assertTrue(item.get("detail").s().startsWith("000000-"));
    assertEquals("sms:order-shipped", item.get("flow").s());
  }

  @Test
  void aCustomerWhoOptedOutGetsNoSms() {
    String phone = phone();
    String order = UUID.randomUUID().toString().substring(0, 8);
    // the customer opted out (PUT /staff/customers/{id}/sms-consent): the choice and its step on the profile
    new DynamoCustomerStore(stack.dynamoDb(), table).create(new Customer("cus_" + order, order + "@example.com",
        "Опт Аут", phone, null, false, null, "ru", Instant.now(), null, null, null, List.of()), CustomerStore.Secrets.NONE);
    new DynamoSmsConsents(stack.dynamoDb(), table).set("cus_" + order, true, new ConsentEvent(
        ConsentEvent.Kind.WITHDRAWN, Instant.now(), "phone-call", null, null, ConsentEvent.SMS, "mgr-test"));
    outbox.send(shipped(order, "cus_" + order, phone));
    queue.drain(handler, 5);

    assertEquals(List.of(), smsRu.requestsTo(phone.substring(1)));
    var item = log("order-shipped#" + order);
    assertEquals("SKIPPED", item.get("status").s());
    assertEquals("opted-out", item.get("detail").s());
  }

  @Test
  void aPermanentRefusalIsLoggedRejectedAndNotRetried() {
    String phone = phone();
    smsRu.answer(phone.substring(1), "smsru-send-wrong-number.json");
    String order = UUID.randomUUID().toString().substring(0, 8);
    outbox.send(shipped(order, "cus_" + order, phone));
    queue.drain(handler, 5);

    assertEquals(1, smsRu.requestsTo(phone.substring(1)).size(), "tried once");
    var item = log("order-shipped#" + order);
    assertEquals("REJECTED", item.get("status").s());
    assertTrue(item.get("detail").s().startsWith("smsru-207"));
    var dlq = stack.sqs().receiveMessage(r -> r.queueUrl(stack.queueUrl("SmsDLQ")).maxNumberOfMessages(10)
        .waitTimeSeconds(0)).messages();
    assertTrue(dlq.stream().noneMatch(m -> m.body().contains(order)));
  }

  @Test
  void aRetryableRefusalIsRetriedAndThenSentOnce() {
    String phone = phone();
    smsRu.answer(phone.substring(1), "smsru-send-unavailable.json");
    String order = UUID.randomUUID().toString().substring(0, 8);
    outbox.send(shipped(order, "cus_" + order, phone));
    int failed = 0;
    for (int i = 0; i < 5 && failed == 0; i++) {
      failed = queue.deliver(handler, 1).failed().size();
    }
    assertEquals(1, failed, "the unavailable gateway is a batch item failure");
    smsRu.answer(phone.substring(1), "smsru-send-ok.json");
    queue.drain(handler, 5);

    assertEquals(2, smsRu.requestsTo(phone.substring(1)).size());
    assertEquals("SENT", log("order-shipped#" + order).get("status").s());
  }
}
