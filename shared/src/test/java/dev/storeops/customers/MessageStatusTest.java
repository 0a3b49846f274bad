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
  void eachContactIsAnEntryOfItsKindAndTheConsentStepsPageNewestFirst() {
    Instant t = Instant.parse("2026-11-30T10:00:00Z");
    assertEquals("call", ContactHistory.Entry.of(new ContactHistory.Call("o1", "1", t, "NO_ANSWER", "mgr", null)).kind());
    ContactHistory.Entry sms = ContactHistory.Entry.of(
        new ContactHistory.Message("SMS", "order-shipped", "sms:order-shipped", t, MessageStatus.SENT, null, t));
    assertEquals("sms", sms.kind());
    assertEquals(t, sms.at());
    assertEquals("mail", ContactHistory.Entry.of(
        new ContactHistory.Message("MAIL", "birthday", "birthday", t, MessageStatus.BOUNCED, "b", t)).kind());
    ContactHistory.Entry note = ContactHistory.Entry.of(new CustomerNote("n1", "c", "первая", "owner", t));
    assertEquals("note", note.kind());
    assertEquals("n1", note.note().id());

    ContactHistory page = ContactHistory.ofConsent(List.of(
        new ConsentEvent(ConsentEvent.Kind.GIVEN, t, "POST /customers", null, null),
        new ConsentEvent(ConsentEvent.Kind.WITHDRAWN, t.plusSeconds(9), "unsubscribe-link", null, null),
        new ConsentEvent(ConsentEvent.Kind.GIVEN, t.plusSeconds(20), "phone-call", null, null)), 2);
    assertEquals(List.of("consent", "consent"), page.entries().stream().map(ContactHistory.Entry::kind).toList());
    assertEquals(List.of(t.plusSeconds(20), t.plusSeconds(9)),
        page.entries().stream().map(ContactHistory.Entry::at).toList(), "newest first, the page's size");
    assertEquals(ConsentEvent.Kind.WITHDRAWN, page.entries().get(1).consent().kind());
  }
}
