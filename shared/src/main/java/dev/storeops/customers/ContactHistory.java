package dev.storeops.customers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything that passed between the shop and a customer, for the dossier, each list newest first:
 * the calls about their orders (outcome, who called), the mails and SMS sent to them (template, when,
 * {@link MessageStatus}), the steps of their marketing consent ({@link ConsentEvent}) and the staff's
 * notes ({@link CustomerNote}).
 */
public record ContactHistory(List<Call> calls, List<Message> mails, List<Message> sms, List<ConsentEvent> consent,
    List<CustomerNote> notes) {

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

  public static final ContactHistory EMPTY = new ContactHistory(List.of(), List.of(), List.of(), List.of(), List.of());

  /** The history with each list sorted newest first (entries without a time last). */
  public static ContactHistory of(List<Call> calls, List<Message> mails, List<Message> sms, List<ConsentEvent> consent,
      List<CustomerNote> notes) {
    return new ContactHistory(
        newestFirst(calls, Call::at), newestFirst(mails, Message::at), newestFirst(sms, Message::at),
        newestFirst(consent == null ? List.of() : consent, ConsentEvent::at), newestFirst(notes, CustomerNote::at));
  }

  private static <T> List<T> newestFirst(List<T> items, java.util.function.Function<T, Instant> at) {
    return items.stream().sorted(Comparator.comparing(at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
        .reversed()).toList();
  }
}
