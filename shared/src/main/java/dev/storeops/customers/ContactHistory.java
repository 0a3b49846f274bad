package dev.storeops.customers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One page of everything that passed between the shop and a customer, for the dossier: the calls about their
 * orders (outcome, who called), the mails and SMS sent to them (template, when, {@link MessageStatus}), the
 * steps of their consent ({@link ConsentEvent}) and the staff's notes ({@link CustomerNote}), all kinds merged
 * in one list, newest first, paged as every list (docs/api.md#lists): the dossier carries the first page
 * ({@value #DEFAULT_LIMIT} entries), {@code GET /staff/customers/{id}/history} the next ones.
 *
 * @param entries this page, newest first
 * @param nextCursor the cursor of the next page; null on the last
 */
public record ContactHistory(List<Entry> entries, String nextCursor) {
  /** The page size without {@code limit}. */
  public static final int DEFAULT_LIMIT = 20;
  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  /**
   * One contact: its kind ({@code call}, {@code mail}, {@code sms}, {@code note}, {@code consent}), when, and the
   * one field of its kind.
   */
  public record Entry(String kind, Instant at, Call call, Message message, ConsentEvent consent, CustomerNote note) {
    public static Entry of(Call call) {
      return new Entry("call", call.at(), call, null, null, null);
    }

    public static Entry of(Message message) {
      return new Entry("SMS".equals(message.channel()) ? "sms" : "mail", message.at(), null, message, null, null);
    }

    public static Entry of(ConsentEvent consent) {
      return new Entry("consent", consent.at(), null, null, consent, null);
    }

    public static Entry of(CustomerNote note) {
      return new Entry("note", note.at(), null, null, null, note);
    }
  }

  /** A call attempt about one of the customer's orders. */
  public record Call(String orderId, String orderNumber, Instant at, String outcome, String by, String reason) {}

  /**
   * A mail or SMS sent (or meant) to the customer.
   *
   * @param channel {@code MAIL} or {@code SMS}
   * @param detail why it was skipped or failed, or the kind of bounce or complaint; null when sent
   * @param statusAt when the status was last learnt (the provider's feedback, else the send)
   */
  public record Message(String channel, String template, String flow, Instant at, MessageStatus status,
      String detail, Instant statusAt) {}

  public static final ContactHistory EMPTY = new ContactHistory(List.of(), null);

  /**
   * The first page of a history held in memory (a shop without the table's history, tests): the consent
   * steps of the profile, newest first.
   */
  public static ContactHistory ofConsent(List<ConsentEvent> consent, int limit) {
    List<Entry> all = (consent == null ? List.<ConsentEvent>of() : consent).stream().map(Entry::of)
        .sorted(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))).toList();
    return new ContactHistory(all.subList(0, Math.min(limit, all.size())), null);
  }
}
