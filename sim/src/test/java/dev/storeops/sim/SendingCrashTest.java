package dev.storeops.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.storeops.emailsender.EmailSenderHandler;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import dev.storeops.platform.json.Json;
import dev.storeops.sesevents.SesEventsHandler;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The email-sender crashing between {@code SENDING} and SES's answer, with the fault injector's crash in
 * the real SDK clients (the month bench's finding: a confirmation lost for good). A crash before SES:
 * the redelivery after the queue's visibility timeout waits for SES's confirmation (a copy handed back to
 * the end of {@link EmailService#CONFIRMATION_WINDOW}), then takes the key over and sends the mail once. A
 * crash after SES took the mail: SES's {@code Send} event (ses-events) confirms the key and the redelivery
 * sends nothing, even when the event comes after the redelivery. The trade-off, shown too: with no {@code
 * Send} event recorded within the window, the mail goes out a second time (at least once, never lost).
 */
@WithAwsStack
class SendingCrashTest {

  private final SimClock clock = new SimClock(Instant.parse("2026-03-02T10:00:00Z"));

  @AfterEach
  void stop() {
    FaultInjector.invocationFinished();
    FaultInjector.stop();
    SesSendEvents.stop();
  }

  @Test
  void aCrashBeforeSesIsSentByTheRedeliveryAndACrashAfterSesIsNotSentAgainOnceSesConfirmedIt(AwsStack stack) {
    FaultInjector.start(FaultInjector.Settings.clean(1));
    SesSendEvents.start(clock);
    EmailSenderHandler sender = new EmailSenderHandler(stack.functionEnv("EmailSenderFunction"), clock);
    SesEventsHandler sesEvents = new SesEventsHandler(stack.functionEnv("SesEventsFunction"), clock);
    // a clean send first, to find the crash points: the last write before SES (SENDING) and the SES call
    deliver(sender, "ops-note#" + UUID.randomUUID(), 1);
    List<String> calls = FaultInjector.callsOfLastInvocation();
    int sesAccepted = calls.indexOf("SesV2.SendEmail") + 1;
    int sendingWritten = sesAccepted - 1;
    assertEquals("DynamoDb.UpdateItem", calls.get(sendingWritten - 1), "the SENDING write comes right before SES: " + calls);
    SesSendEvents.take();

    String before = "ops-note#" + UUID.randomUUID();
    crash(sender, before, sendingWritten);
    assertEquals(EmailService.SENDING, status(stack, before), "calls: " + FaultInjector.callsOfLastInvocation());
    assertEquals(0, mails(stack, before), "SES was never called");
    clock.advance(Duration.ofSeconds(120)); // the queue's visibility timeout
    deliver(sender, before, 2);
    assertEquals(EmailService.SENDING, status(stack, before), "the redelivery waits for SES's Send event");
    assertEquals(0, mails(stack, before), "nothing sent while SES may still confirm the crashed attempt");
    clock.advance(EmailService.CONFIRMATION_WINDOW); // the handed-back copy, after the window
    deliver(sender, before, 1);
    assertEquals("SENT", status(stack, before));
    assertEquals(1, mails(stack, before), "no Send event within the window: the copy sent the mail the crash had stopped");

    SesSendEvents.take(); // the redelivery's own Send event: delivered, nothing to confirm any more

    String after = "ops-note#" + UUID.randomUUID();
    crash(sender, after, sesAccepted);
    assertEquals(EmailService.SENDING, status(stack, after));
    assertEquals(1, mails(stack, after), "SES took it before the crash");
    List<String> events = SesSendEvents.take();
    assertEquals(1, events.size(), "SES published the Send event of the mail it took");
    sesEvents.handleRequest(sqs(events.get(0), 1), null); // SES → SNS → SesEventsQueue → ses-events
    clock.advance(Duration.ofSeconds(120));
    deliver(sender, after, 2);
    assertEquals(1, mails(stack, after), "SES confirmed it: never sent twice");

    // the month bench's double send: the Send event is late (ses-events' first try failed), so it is not
    // recorded by the redelivery two minutes later; the redelivery waits and the late event settles it
    String late = "ops-note#" + UUID.randomUUID();
    crash(sender, late, sesAccepted);
    List<String> lateEvents = SesSendEvents.take();
    clock.advance(Duration.ofSeconds(120));
    deliver(sender, late, 2);
    assertEquals(1, mails(stack, late), "the redelivery waits for the Send event instead of sending again");
    clock.advance(Duration.ofSeconds(120)); // ses-events' retry
    sesEvents.handleRequest(sqs(lateEvents.get(0), 2), null);
    clock.advance(EmailService.CONFIRMATION_WINDOW);
    deliver(sender, late, 1);
    assertEquals(1, mails(stack, late), "confirmed within the window: never sent twice");

    String unconfirmed = "ops-note#" + UUID.randomUUID();
    crash(sender, unconfirmed, sesAccepted);
    SesSendEvents.take(); // the Send event never recorded (ses-events failing for the whole window)
    clock.advance(Duration.ofSeconds(120));
    deliver(sender, unconfirmed, 2);
    assertEquals(1, mails(stack, unconfirmed));
    clock.advance(EmailService.CONFIRMATION_WINDOW);
    deliver(sender, unconfirmed, 1);
    assertEquals(2, mails(stack, unconfirmed), "the trade-off: without SES's confirmation in the window the mail goes out again");
  }

  private void crash(EmailSenderHandler sender, String key, int afterCall) {
    FaultInjector.crashNextInvocationAfter(afterCall);
    FaultInjector.invocationStarted("EmailSenderFunction");
    try {
      assertThrows(FaultInjector.SimulatedCrash.class, () -> sender.handleRequest(intent(key, 1), null));
    } finally {
      FaultInjector.invocationFinished();
    }
  }

  private void deliver(EmailSenderHandler sender, String key, int receive) {
    FaultInjector.invocationStarted("EmailSenderFunction");
    try {
      assertEquals(List.of(), sender.handleRequest(intent(key, receive), null).getBatchItemFailures());
    } finally {
      FaultInjector.invocationFinished();
    }
  }

  private static SQSEvent intent(String key, int receive) {
    MailIntent intent = new MailIntent(key, "stock-import-alert", MailIntent.Category.STAFF, null, "ops@example.com",
        null, "stock-import", Map.of("supplierId", "acme", "file", "incoming/acme/x.csv", "status", "QUARANTINED",
        "reason", "test", "reportKey", "reports/acme/x.json", "movedTo", "quarantine/acme/x.csv"));
    return sqs(Json.write(intent), receive);
  }

  private static SQSEvent sqs(String body, int receive) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId(UUID.randomUUID().toString());
    m.setBody(body);
    m.setEventSource("aws:sqs");
    m.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receive)));
    SQSEvent e = new SQSEvent();
    e.setRecords(List.of(m));
    return e;
  }

  private static String status(AwsStack stack, String key) {
    var item = stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable"))
        .key(TableKeys.primaryKey(TableKeys.MAIL_LOG.key(key), "MAILLOG")).consistentRead(true)).item();
    return Items.str(item, "status");
  }

  private static long mails(AwsStack stack, String key) {
    return stack.sentMail().stream().filter(m -> key.equals(m.headers().get(EmailService.MAIL_KEY_HEADER))).count();
  }
}
