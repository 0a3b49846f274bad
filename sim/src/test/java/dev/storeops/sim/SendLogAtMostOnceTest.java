package dev.storeops.sim;

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
 * again once the send log's 60-second lease ran out. The key is now marked SENDING before SES is called,
 * and a SENDING key is never taken over (at most once per dedupe key), while a reservation that never
 * reached SES still is.
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
    // the attempt crashed after SES accepted the mail; an hour later the intent is delivered again
    Instant later = T0.plus(Duration.ofHours(1));
    assertFalse(log.reserve(sending, "a2", "welcome", "cus_sim", later, later.minusSeconds(60)), "never sent twice");

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
}
