package dev.storeops.messaging;

import java.util.Map;
import java.util.Objects;

/**
 * A request to send one mail, as it travels on the e-mail queue to the email-sender function. The
 * sender renders {@code template} in the recipient's locale with {@code data}, checks consent (for
 * {@link Category#MARKETING}), suppression, the frequency cap and the {@code dedupeKey}, then sends
 * through SES. Producers never render or send themselves.
 *
 * @param dedupeKey unique per mail that must never go twice, e.g. {@code order-confirmation#ord_…},
 *     {@code reactivation#cus_…#2}; a redelivered intent with the same key sends nothing
 * @param template template name under the sender's templates folder, e.g. {@code order-confirmation}
 * @param category transactional (not capped, no consent needed), marketing (consent, cap,
 *     unsubscribe link) or staff (internal mail to managers and ops)
 * @param customerId the customer the mail is for ({@code null} for staff mail)
 * @param to the address
 * @param locale {@code ru} or {@code en}; {@code null} = the customer's, else the shop's default
 * @param flow the flow or campaign this mail belongs to, for figures ({@code welcome}, {@code
 *     campaign:cmp_…}, …)
 * @param data the template model (plain JSON values)
 */
public record MailIntent(
    String dedupeKey,
    String template,
    Category category,
    String customerId,
    String to,
    String locale,
    String flow,
    Map<String, Object> data) {

  public enum Category { TRANSACTIONAL, MARKETING, STAFF }

  public MailIntent {
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(to, "to");
    data = data == null ? Map.of() : data;
    flow = flow == null ? template : flow;
  }
}
