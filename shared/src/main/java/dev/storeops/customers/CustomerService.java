package dev.storeops.customers;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import dev.storeops.platform.ids.Ids;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Registers and reads customers. */
public final class CustomerService {
  private static final Log LOG = Log.get(CustomerService.class);
  private final CustomerStore store;
  private final Clock clock;
  private final String defaultLocale;
  private final Consumer<Customer> onRegistered;

  public CustomerService(CustomerStore store, Clock clock, String defaultLocale) {
    this(store, clock, defaultLocale, customer -> { });
  }

  /** With a hook run after a customer is stored (e.g. enqueue the welcome mail); its failure is logged, never fails the registration. */
  public CustomerService(CustomerStore store, Clock clock, String defaultLocale, Consumer<Customer> onRegistered) {
    this.store = store;
    this.clock = clock;
    this.defaultLocale = defaultLocale;
    this.onRegistered = onRegistered;
  }

  public Customer register(CustomerRegistration registration) {
    Customer customer = CustomerRules.register(registration, Ids.newId("cus", clock), defaultLocale, clock);
    try {
      store.create(customer);
    } catch (CustomerStore.DuplicateEmailException e) {
      throw new Conflict("email-taken", "A customer with this e-mail is already registered.",
          List.of(new FieldError("email", "is already registered")));
    }
    LOG.info("customer registered", "customerId", customer.id(), "email", Pii.email(customer.email()));
    try {
      onRegistered.accept(customer);
    } catch (RuntimeException e) {
      LOG.error("after-registration hook failed", e, "customerId", customer.id());
    }
    return customer;
  }

  public Customer get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("Customer " + id));
  }
}
