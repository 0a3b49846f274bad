package dev.storeops.emailsender;

import dev.storeops.messaging.sending.MailTemplatesTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.ConfirmConsent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.messaging.WelcomeMail;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.SentMail;
import dev.storeops.stack.junit.SqsQueueDriver;
import dev.storeops.stack.junit.WithAwsStack;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Intents on the real EmailQueue → the handler built from template.yaml → SES emulator, DynamoDB Local. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailSenderTest {
  private AwsStack stack;
  private EmailSenderHandler handler;
  private SqsQueueDriver queue;
  private SqsMailOutbox outbox;
  private DynamoCustomerStore customers;
  private DynamoMailFigures figures;
  private String table;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("EmailSenderFunction", EmailSenderHandler.class);
    this.queue = new SqsQueueDriver(stack, "EmailQueue");
    this.outbox = new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue"));
    this.table = stack.tableName("StoreTable");
    this.customers = new DynamoCustomerStore(stack.dynamoDb(), table);
    this.figures = new DynamoMailFigures(stack.dynamoDb(), table);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private Customer customer(boolean consent, String locale) {
    String u = unique();
    Customer c = new Customer("cus_it" + u, "it." + u + "@example.com", "Анна " + u, "+79123456789", null, consent,
        Instant.now(), locale, Instant.now(), null);
    customers.create(c);
    return c;
  }

  private List<SentMail> mailTo(String address) {
    return stack.sentMail().stream().filter(m -> m.to().contains(address)).toList();
  }

  private static MailIntent birthday(Customer c, String flow) {
    return new MailIntent("birthday#" + c.id() + "#" + flow, "birthday", MailIntent.Category.MARKETING, c.id(),
        c.email(), null, flow, Map.of("customerName", c.name(), "promoCode", "BD-TEST2345",
            "discountText", "10%", "validUntil", "2026-12-06"));
  }

  @Test
  void orderConfirmationIsRenderedInTheCustomersLocaleAndSent() {
    Customer c = customer(false, "en");
    Map<String, Object> data = new java.util.HashMap<>(MailTemplatesTest.orderData());
    data.remove("shopUrl");
    String key = "order-confirmation#ord_" + unique();
    outbox.send(new MailIntent(key, "order-confirmation",
        MailIntent.Category.TRANSACTIONAL, c.id(), c.email(), null, "order-confirmation", data));
    queue.drain(handler, 5);

    List<SentMail> mail = mailTo(c.email());
    assertEquals(key, mail.get(0).headers().get(dev.storeops.messaging.sending.EmailService.MAIL_KEY_HEADER),
        "every mail carries its dedupe key");
    assertEquals(1, mail.size());
    SentMail m = mail.get(0);
    assertEquals("Order 1042 received", m.subject());
    assertEquals(stack.functionEnvironment("EmailSenderFunction").get("SENDER_EMAIL"), m.from());
    assertTrue(m.text().contains("- Чай улун (TEA-1): 2 × 450 ₽ = 900 ₽"), m.text());
    assertTrue(m.html().contains("Track your order"));
    assertFalse(m.headers().containsKey("List-Unsubscribe"), "transactional mail has no unsubscribe header");
  }

  @Test
  void marketingMailCarriesAnOpaqueOneClickUnsubscribe() {
    Customer c = customer(true, "ru");
    outbox.send(birthday(c, "birthday-it-" + unique()));
    queue.drain(handler, 5);

    List<SentMail> mail = mailTo(c.email());
    assertEquals(1, mail.size());
    SentMail m = mail.get(0);
    assertTrue(m.subject().startsWith(c.name() + ", с днём рождения!"), m.subject());
    assertTrue(m.text().contains("BD-TEST2345"));
    assertEquals("List-Unsubscribe=One-Click", m.headers().get("List-Unsubscribe-Post"));
    String header = m.headers().get("List-Unsubscribe");
    String base = stack.functionEnvironment("EmailSenderFunction").get("UNSUBSCRIBE_URL");
    assertTrue(header.startsWith("<" + base + "?token="), header);
    assertTrue(header.endsWith("&lang=ru>"), header);
    String token = URLDecoder.decode(header.substring(header.indexOf("token=") + 6, header.indexOf("&lang=")),
        StandardCharsets.UTF_8);
    assertTrue(token.startsWith("v2.k1."), "opaque, with the key id: " + token);
    assertFalse(header.contains(c.id()), "no customer id in the header: " + header);
    assertFalse(header.contains(c.email()), header);
    assertFalse(m.text().contains(c.id()), "nor in the mail's unsubscribe link");
    assertEquals(c.id(), UnsubscribeTokens.from(stack.functionEnv("EmailSenderFunction")).verify(token, Instant.now()));
    assertTrue(m.text().contains("Отписаться от рассылки: " + base + "?token="), m.text());
  }

  @Test
  void doubleOptInMarketingMailGoesOnlyAfterTheConfirmationLinkWasUsed() {
    String email = "doi." + unique() + "@example.com";
    CustomerService.Registered r = new CustomerService(customers, java.time.Clock.systemUTC(), "ru",
        WelcomeMail.onRegistered(outbox)).register(new CustomerRegistration(email, "Вера", "+79123456789", null, true, "ru"),
            "POST /customers", "req-doi");
    queue.drain(handler, 5);
    List<SentMail> mail = mailTo(email);
    assertEquals(2, mail.size(), "welcome and the confirmation request, both transactional");
    SentMail confirm = mail.stream().filter(m -> m.subject().contains("подтвердите подписку")).findFirst().orElseThrow();
    assertFalse(confirm.headers().containsKey("List-Unsubscribe"));
    String confirmBase = stack.functionEnvironment("EmailSenderFunction").get("CONSENT_CONFIRM_URL");
    int at = confirm.text().indexOf(confirmBase + "?token=");
    assertTrue(at >= 0, confirm.text());
    String link = confirm.text().substring(at).split("\\s")[0];
    String token = URLDecoder.decode(link.substring(link.indexOf("token=") + 6, link.indexOf("&lang=")), StandardCharsets.UTF_8);
    assertEquals(r.consentToken(), token);
    assertTrue(confirm.html().contains("href=\"" + link.replace("&", "&amp;") + "\""), confirm.html());

    Customer pending = customers.find(r.customer().id()).orElseThrow();
    outbox.send(birthday(pending, "doi-before-" + unique()));
    queue.drain(handler, 5);
    assertEquals(2, mailTo(email).size(), "no marketing mail before the confirmation");

    assertEquals(java.util.Optional.of(pending.id()),
        new ConfirmConsent(customers, java.time.Clock.systemUTC()).confirm(token, "req-confirm"));
    outbox.send(birthday(customers.find(pending.id()).orElseThrow(), "doi-after-" + unique()));
    queue.drain(handler, 5);
    List<SentMail> after = mailTo(email);
    assertEquals(3, after.size(), "after the confirmation it goes");
    assertTrue(after.stream().anyMatch(m -> m.headers().containsKey("List-Unsubscribe")));
  }

  @Test
  void aRedeliveredIntentSendsOnce() {
    Customer c = customer(false, "ru");
    String flow = "welcome-it-" + unique();
    MailIntent welcome = new MailIntent("welcome#" + c.id(), "welcome", MailIntent.Category.TRANSACTIONAL, c.id(),
        c.email(), null, flow, Map.of("customerName", c.name()));
    outbox.send(List.of(welcome, welcome));
    queue.drain(handler, 5);
    outbox.send(welcome);
    queue.drain(handler, 5);

    assertEquals(1, mailTo(c.email()).size());
    Map<Figure, Long> f = figures.totals(flow);
    assertEquals(1L, f.get(Figure.SENT));
    assertEquals(2L, f.get(Figure.SKIPPED_DUPLICATE));
    var log = stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("MAILLOG#welcome#" + c.id()), "sk", AttributeValue.fromS("MAILLOG")))).item();
    assertEquals("SENT", log.get("status").s());
    assertNotNull(log.get("ttl"));
  }

  @Test
  void noConsentSuppressedAndCappedAreSkippedWithFigures() {
    String flow = "campaign:it-" + unique();
    Customer noConsent = customer(false, "ru");
    Customer suppressed = customer(true, "ru");
    new DynamoSuppressionList(stack.dynamoDb(), table).suppress(suppressed.email().toUpperCase(), "bounce:Permanent/General",
        Instant.now(), "test");
    Customer capped = customer(true, "en");
    outbox.send(birthday(capped, "other-flow-" + unique()));
    queue.drain(handler, 5);
    assertEquals(1, mailTo(capped.email()).size(), "the first marketing mail goes");

    Customer fine = customer(true, "en");
    Map<String, Object> campaign = Map.of("subject", "Новогодняя распродажа", "body", "Скидки до 30%", "discountCode", "NY2027");
    for (Customer c : List.of(noConsent, suppressed, capped, fine)) {
      outbox.send(new MailIntent(flow + "#" + c.id(), "campaign", MailIntent.Category.MARKETING, c.id(), c.email(),
          null, flow, campaign));
    }
    // a transactional mail to the capped customer is not capped
    outbox.send(new MailIntent("welcome#" + capped.id(), "welcome", MailIntent.Category.TRANSACTIONAL, capped.id(),
        capped.email(), null, flow + "-tx", Map.of("customerName", capped.name())));
    queue.drain(handler, 5);

    assertTrue(mailTo(noConsent.email()).isEmpty());
    assertTrue(mailTo(suppressed.email()).isEmpty());
    assertEquals(2, mailTo(capped.email()).size(), "birthday + welcome, no campaign");
    assertEquals(1, mailTo(fine.email()).size());
    assertEquals("Новогодняя распродажа", mailTo(fine.email()).get(0).subject());
    assertTrue(mailTo(fine.email()).get(0).text().contains("Promo code: NY2027"));

    Map<Figure, Long> f = figures.totals(flow);
    assertEquals(1L, f.get(Figure.SENT));
    assertEquals(1L, f.get(Figure.SKIPPED_NO_CONSENT));
    assertEquals(1L, f.get(Figure.SKIPPED_SUPPRESSED));
    assertEquals(1L, f.get(Figure.SKIPPED_CAPPED));
    assertEquals(0L, f.get(Figure.FAILED));
    assertEquals(1L, figures.totals(flow + "-tx").get(Figure.SENT));
  }

  @Test
  void anIntentWithAMissingTemplateFailsThreeTimesAndLandsInTheDlq() throws Exception {
    String key = "broken#" + unique();
    String flow = "broken-it-" + unique();
    outbox.send(new MailIntent(key, "no-such-template", MailIntent.Category.TRANSACTIONAL, null,
        "ops." + unique() + "@example.com", "en", flow, Map.of()));
    for (int i = 0; i < 4; i++) {
      queue.deliverOnce(handler);
    }
    String dlq = stack.queueUrl("EmailDLQ");
    var dead = stack.sqs().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(2)).messages();
    var mine = dead.stream().filter(m -> m.body().contains(key)).toList();
    assertEquals(1, mine.size(), "the message is in the DLQ");
    MailIntent intent = Json.mapper().readValue(mine.get(0).body(), MailIntent.class);
    assertEquals("no-such-template", intent.template());
    Map<Figure, Long> f = figures.totals(flow);
    assertEquals(2L, f.get(Figure.RETRIED));
    assertEquals(1L, f.get(Figure.FAILED));
    assertEquals(0L, f.get(Figure.SENT));
    var log = stack.dynamoDb().getItem(g -> g.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("MAILLOG#" + key), "sk", AttributeValue.fromS("MAILLOG")))).item();
    assertTrue(log == null || log.isEmpty(), "no reservation is left behind");
    assertNull(stack.sentMail().stream().filter(m -> m.subject().contains("no-such")).findAny().orElse(null));
  }
}
