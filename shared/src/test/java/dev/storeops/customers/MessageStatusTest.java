package dev.storeops.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the dossier shows of a mail or SMS, and the history's order. */
class MessageStatusTest {
  @Test
  void theProvidersFeedbackOutranksTheSendAndAComplaintOutranksABounce() {
    assertEquals(MessageStatus.SENT, MessageStatus.of("SENT", null));
    assertEquals(MessageStatus.SENT, MessageStatus.of("UNCONFIRMED", null));
    assertEquals(MessageStatus.BOUNCED, MessageStatus.of("SENT", "BOUNCED"));
    assertEquals(MessageStatus.COMPLAINED, MessageStatus.of("SENT", "COMPLAINED"));
    assertEquals(MessageStatus.DELIVERED, MessageStatus.of("SENT", "DELIVERED"));
    assertEquals(MessageStatus.DELIVERED, MessageStatus.of("DELIVERED", null));
  }

  @Test
  void aSendNeverMadeIsSkippedOneRefusedFailedOneUnderWayPending() {
    assertEquals(MessageStatus.SKIPPED, MessageStatus.of("SKIPPED", null));
    assertEquals(MessageStatus.FAILED, MessageStatus.of("REJECTED", null));
    assertEquals(MessageStatus.FAILED, MessageStatus.of("FAILED", null));
    assertEquals(MessageStatus.PENDING, MessageStatus.of("RESERVED", null));
    assertEquals(MessageStatus.PENDING, MessageStatus.of("SENDING", null));
    assertEquals(MessageStatus.PENDING, MessageStatus.of(null, null));
    // a delivery report does not turn a skipped mail into a delivered one
    assertEquals(MessageStatus.SKIPPED, MessageStatus.of("SKIPPED", "DELIVERED"));
  }

  @Test
  void everyListOfTheHistoryIsNewestFirst() {
    Instant t = Instant.parse("2026-11-30T10:00:00Z");
    ContactHistory h = ContactHistory.of(
        List.of(new ContactHistory.Call("o1", "1", t, "NO_ANSWER", "mgr", null),
            new ContactHistory.Call("o1", "1", t.plusSeconds(60), "CONFIRMED", "mgr", null)),
        List.of(new ContactHistory.Message("MAIL", "welcome", "welcome", t, MessageStatus.SENT, null, t),
            new ContactHistory.Message("MAIL", "birthday", "birthday", t.plusSeconds(5), MessageStatus.BOUNCED, "b", t)),
        List.of(),
        List.of(new ConsentEvent(ConsentEvent.Kind.GIVEN, t, "POST /customers", null, null),
            new ConsentEvent(ConsentEvent.Kind.WITHDRAWN, t.plusSeconds(9), "unsubscribe-link", null, null)),
        List.of(new CustomerNote("n1", "c", "первая", "owner", t), new CustomerNote("n2", "c", "вторая", "owner", t.plusSeconds(1))));
    assertEquals("CONFIRMED", h.calls().get(0).outcome());
    assertEquals("birthday", h.mails().get(0).template());
    assertEquals(ConsentEvent.Kind.WITHDRAWN, h.consent().get(0).kind());
    assertEquals("n2", h.notes().get(0).id());
  }
}
