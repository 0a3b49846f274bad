package dev.storeops.messaging;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerService;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The welcome flow: one transactional intent per newly registered customer, whatever the channel
 * (deduped by the sender); plus, when marketing consent was given, the double opt-in mail ({@link
 * ConsentConfirmationMail}).
 */
public final class WelcomeMail {
  private WelcomeMail() {}

  public static MailIntent intent(Customer customer) {
    return new MailIntent("welcome#" + customer.id(), "welcome", MailIntent.Category.TRANSACTIONAL,
        customer.id(), customer.email(), customer.locale(), "welcome", Map.of("customerName", customer.name()));
  }

  /** The registration hook that enqueues it (and the consent confirmation when consent is pending). */
  public static Consumer<CustomerService.Registered> onRegistered(MailOutbox outbox) {
    return registered -> {
      outbox.send(intent(registered.customer()));
      if (registered.consentToken() != null) {
        outbox.send(ConsentConfirmationMail.intent(registered.customer(), registered.consentToken()));
      }
    };
  }
}
