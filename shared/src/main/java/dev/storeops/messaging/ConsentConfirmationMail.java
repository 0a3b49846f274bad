package dev.storeops.messaging;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerService;
import java.util.Map;

/**
 * Double opt-in: the transactional mail that asks a customer to confirm the marketing consent given on
 * a form. The intent carries the link's token as {@code consentToken}; email-sender turns it into
 * {@code confirmUrl} ({@code CONSENT_CONFIRM_URL?token=…}), the page of the unsubscribe function where a
 * button confirms. One per link (dedupe key).
 */
public final class ConsentConfirmationMail {
  public static final String TEMPLATE = "consent-confirmation";
  /** The intent data key of the link's token; the sender builds {@code confirmUrl} from it. */
  public static final String TOKEN = "consentToken";

  private ConsentConfirmationMail() {}

  public static MailIntent intent(Customer customer, String consentToken) {
    return new MailIntent(TEMPLATE + "#" + customer.id() + "#" + CustomerService.linkId(
        dev.storeops.platform.ids.TokenHash.of(consentToken)), TEMPLATE, MailIntent.Category.TRANSACTIONAL,
        customer.id(), customer.email(), customer.locale(), TEMPLATE,
        Map.of("customerName", customer.name(), TOKEN, consentToken));
  }
}
