package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.dynamo.DynamoFrequencyCap;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSmsConsents;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.messaging.ses.SesMailSender;
import dev.storeops.messaging.sms.LocalSmsLog;
import dev.storeops.messaging.sms.SmsIntent;
import dev.storeops.messaging.sms.SmsPolicy;
import dev.storeops.messaging.sms.SmsService;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.messaging.sqs.SqsSmsOutbox;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.SentMail;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.TaskService;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Shipping an order on the stack: the ShipOrder use case puts the shipped mail on the EmailQueue and the
 * shipped SMS on the SmsQueue, each with the key {@code order-shipped#<orderId>}; shipping again (the
 * same request repeated, the same event delivered twice) puts them there again, and the senders —
 * {@link EmailService} with SES (the emulator) and {@link SmsService} with the send log on DynamoDB
 * Local — send one mail and one SMS.
 */
@WithAwsStack
class ShippingNoticesTest {

  private static List<Message> take(AwsStack stack, String queue, String orderId) {
    List<Message> mine = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      List<Message> got = stack.sqs().receiveMessage(r -> r.queueUrl(stack.queueUrl(queue)).maxNumberOfMessages(10)
          .waitTimeSeconds(1).visibilityTimeout(60)).messages();
      if (got.isEmpty()) {
        break;
      }
      for (Message m : got) {
        if (m.body().contains(orderId)) {
          mine.add(m);
          stack.sqs().deleteMessage(d -> d.queueUrl(stack.queueUrl(queue)).receiptHandle(m.receiptHandle()));
        }
      }
    }
    return mine;
  }

  @Test
  void shippingTwiceSendsTheShippedMailAndSmsOnceEach(AwsStack stack) throws Exception {
    FlowWorld w = new FlowWorld(stack);
    OrderFlow flow = FlowComponents.build(stack.dynamoDb(), w.table,
        new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")),
        new SqsSmsOutbox(stack.sqs(), stack.queueUrl("SmsQueue")), FlowSettings.defaults(), w.clock,
        "https://shop.example.com", new FlowComponents.Escalation(TaskService.EscalationPolicy.REPORT,
            Duration.ofHours(1), "lead@example.com")).flow();
    Order o = w.order(PaymentMethod.CASH_ON_DELIVERY, w.stock(2), 1);
    flow.logCall(o.id(), w.manager, "c1", new LogCall.Request("CONFIRMED", null));
    flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "1234567890"));
    flow.ship(o.id(), w.manager, new ShipOrder.Request("CDEK", "1234567890"));

    List<Message> mails = take(stack, "EmailQueue", o.id());
    List<Message> sms = take(stack, "SmsQueue", o.id());
    List<MailIntent> mailIntents = new ArrayList<>();
    for (Message m : mails) {
      mailIntents.add(Json.mapper().readValue(m.body(), MailIntent.class));
    }
    List<SmsIntent> smsIntents = new ArrayList<>();
    for (Message m : sms) {
      smsIntents.add(Json.mapper().readValue(m.body(), SmsIntent.class));
    }
    assertEquals(List.of("order-shipped#" + o.id(), "order-shipped#" + o.id()),
        mailIntents.stream().map(MailIntent::dedupeKey).toList(), "enqueued by each ship request");
    assertEquals(List.of("order-shipped#" + o.id(), "order-shipped#" + o.id()),
        smsIntents.stream().map(SmsIntent::dedupeKey).toList());
    assertEquals("https://www.cdek.ru/ru/tracking?order_id=1234567890", mailIntents.get(0).data().get("trackingUrl"));

    // the senders, as email-sender and sms-sender run them: each intent handled, plus a redelivery
    Env env = stack.functionEnv("EmailSenderFunction");
    EmailService email = new EmailService(new MailTemplates(), MailPolicy.from(env),
        new DynamoCustomerStore(stack.dynamoDb(), w.table)::find, new DynamoSuppressionList(stack.dynamoDb(), w.table),
        new DynamoSendLog(stack.dynamoDb(), w.table), new DynamoFrequencyCap(stack.dynamoDb(), w.table),
        new DynamoMailFigures(stack.dynamoDb(), w.table), new SesMailSender(stack.ses()), UnsubscribeTokens.from(env),
        new EmailService.Settings(env.required("SENDER_EMAIL"), null, env.required("UNSUBSCRIBE_URL"),
            "https://shop.example.com", ZoneOffset.UTC, UnsubscribeTokens.DEFAULT_VALIDITY), java.time.Clock.systemUTC());
    SmsService texts = new SmsService(new SmsPolicy(), new DynamoSmsConsents(stack.dynamoDb(), w.table),
        new DynamoSendLog(stack.dynamoDb(), w.table), LocalSmsLog.provider(), "MyShop", java.time.Clock.systemUTC());
    int smsBefore = LocalSmsLog.sent().size();
    for (MailIntent m : mailIntents) {
      email.handle(m, 1, 3);
      email.handle(m, 2, 3);
    }
    List<SmsService.Kind> smsOutcomes = new ArrayList<>();
    for (SmsIntent s : smsIntents) {
      smsOutcomes.add(texts.handle(s).kind());
      smsOutcomes.add(texts.handle(s).kind());
    }

    String address = new DynamoCustomerStore(stack.dynamoDb(), w.table).find(o.customerId()).orElseThrow().email();
    List<SentMail> sent = stack.sentMail().stream().filter(m -> m.to().contains(address)).toList();
    assertEquals(1, sent.size(), "one shipped mail");
    assertEquals("order-shipped#" + o.id(), sent.get(0).headers().get(EmailService.MAIL_KEY_HEADER));
    assertTrue(sent.get(0).text().contains("1234567890"));
    assertTrue(sent.get(0).text().contains("https://www.cdek.ru/ru/tracking?order_id=1234567890"));
    assertEquals(List.of(SmsService.Kind.SENT, SmsService.Kind.DUPLICATE, SmsService.Kind.DUPLICATE,
        SmsService.Kind.DUPLICATE), smsOutcomes);
    List<LocalSmsLog.Sent> texted = LocalSmsLog.sent().subList(smsBefore, LocalSmsLog.sent().size()).stream()
        .filter(s -> s.text().contains(o.number())).toList();
    assertEquals(1, texted.size(), "one shipped SMS");
    assertEquals("+79990000000", texted.get(0).phone());
    assertEquals("Order " + o.number() + " shipped: CDEK, tracking 1234567890", texted.get(0).text());
  }
}
