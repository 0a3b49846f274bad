package dev.storeops.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Found by the faulted simulation: a mail whose sender crashed right after SES accepted it was sent
 * again once the send log's 60-second lease ran out. The key is marked SENDING before SES is called; a
 * SENDING key that SES's Send event confirmed is never taken over, while a stale SENDING key SES never
 * confirmed (the sender crashed before SES took it: the month bench's lost confirmation) and a
 * reservation that never reached SES are (SendingCrashTest drives both through the real handlers).
 */
@WithAwsStack
class SendLogAtMostOnceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void aKeyThatWentToSesIsNeverTakenOverButAStaleReservationIs(AwsStack stack) {
    DynamoSendLog log = new DynamoSendLog(stack.dynamoDb(), stack.tableName("StoreTable"));
    String sending = "welcome#" + UUID.randomUUID();
    assertTrue(log.reserve(sending, "a1", "welcome", "cus_sim", T0, T0.minusSeconds(60)));
    log.complete(sending, "a1", EmailService.SENDING, null, T0);
    // the attempt crashed after SES accepted the mail, and SES's Send event confirmed it
    log.confirmAccepted(sending, "ses-msg-1", T0.plusSeconds(2));
    Instant later = T0.plus(Duration.ofHours(1));
    assertFalse(log.reserve(sending, "a2", "welcome", "cus_sim", later, later.minusSeconds(60)), "never sent twice");

    String crashedBeforeSes = "welcome#" + UUID.randomUUID();
    assertTrue(log.reserve(crashedBeforeSes, "s1", "welcome", "cus_sim", T0, T0.minusSeconds(60)));
    log.complete(crashedBeforeSes, "s1", EmailService.SENDING, null, T0);
    assertFalse(log.reserve(crashedBeforeSes, "s2", "welcome", "cus_sim", T0.plusSeconds(30), T0.minusSeconds(30)),
        "a SENDING key within its lease is not taken over");
    assertFalse(log.reserve(crashedBeforeSes, "s2", "welcome", "cus_sim", T0.plusSeconds(300), T0.plusSeconds(240)),
        "nor within the confirmation window: SES's Send event may still come");
    assertEquals(java.util.Optional.of(T0), log.awaitingConfirmation(crashedBeforeSes));
    assertEquals(java.util.Optional.empty(), log.awaitingConfirmation(sending), "confirmed by SES: nothing to wait for");
    assertTrue(log.reserve(crashedBeforeSes, "s3", "welcome", "cus_sim", later, later.minusSeconds(60)),
        "no Send event from SES after the lease: the mail is sent by the redelivery, never lost");

    String reserved = "welcome#" + UUID.randomUUID();
    assertTrue(log.reserve(reserved, "b1", "welcome", "cus_sim", T0, T0.minusSeconds(60)));
    // crashed before SES: the stale lease is taken over and the mail goes out once
    assertTrue(log.reserve(reserved, "b2", "welcome", "cus_sim", later, later.minusSeconds(60)));

    String refused = "welcome#" + UUID.randomUUID();
    assertTrue(log.reserve(refused, "c1", "welcome", "cus_sim", T0, T0.minusSeconds(60)));
    log.complete(refused, "c1", EmailService.SENDING, null, T0);
    log.release(refused, "c1"); // SES refused or could not be reached: the retry may send
    assertTrue(log.reserve(refused, "c2", "welcome", "cus_sim", later, later.minusSeconds(60)));
  }

  @Test
  void anSmsThatWentToItsProviderIsNeverTakenOverWhateverItsAge(AwsStack stack) {
    // no SMS provider confirms a send the way SES's Send event does: a SENDING SMS key stays taken
    // (the CI's faulted week sent an order-shipped SMS twice when e-mail's confirmation window applied to it)
    DynamoSendLog log = new DynamoSendLog(stack.dynamoDb(), stack.tableName("StoreTable"));
    String sms = "sms#order-shipped#" + UUID.randomUUID();
    assertTrue(log.reserveWithoutTakeover(sms, "m1", "sms:order-shipped", "order-shipped", "cus_sim", T0,
        T0.minusSeconds(60)));
    log.complete(sms, "m1", EmailService.SENDING, null, T0);
    Instant dayLater = T0.plus(Duration.ofDays(1));
    assertFalse(log.reserveWithoutTakeover(sms, "m2", "sms:order-shipped", "order-shipped", "cus_sim", dayLater,
        dayLater.minusSeconds(60)), "a SENDING SMS is never sent again");

    String smsReserved = "sms#order-shipped#" + UUID.randomUUID();
    assertTrue(log.reserveWithoutTakeover(smsReserved, "r1", "sms:order-shipped", "order-shipped", "cus_sim", T0,
        T0.minusSeconds(60)));
    // crashed before the provider: the stale lease is taken over and the SMS goes out once
    assertTrue(log.reserveWithoutTakeover(smsReserved, "r2", "sms:order-shipped", "order-shipped", "cus_sim",
        dayLater, dayLater.minusSeconds(60)));
  }
}
