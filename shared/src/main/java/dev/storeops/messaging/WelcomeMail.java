package dev.storeops.messaging;

import dev.storeops.customers.Customer;
import java.util.Map;
import java.util.function.Consumer;

/** The welcome flow: one intent per newly registered customer, whatever the channel (deduped by the sender). */
public final class WelcomeMail {
  private WelcomeMail() {}

  public static MailIntent intent(Customer customer) {
    return new MailIntent("welcome#" + customer.id(), "welcome", MailIntent.Category.TRANSACTIONAL,
        customer.id(), customer.email(), customer.locale(), "welcome", Map.of("customerName", customer.name()));
  }

  /** The registration hook that enqueues it. */
  public static Consumer<Customer> onRegistered(MailOutbox outbox) {
    return customer -> outbox.send(intent(customer));
  }
}
