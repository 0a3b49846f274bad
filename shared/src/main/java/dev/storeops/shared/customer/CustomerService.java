package dev.storeops.shared.customer;

import dev.storeops.shared.http.ApiException;
import dev.storeops.shared.http.Problem;
import dev.storeops.shared.log.Log;
import dev.storeops.shared.log.Pii;
import dev.storeops.shared.util.Ids;
import java.time.Clock;
import java.util.List;

/** Registers and reads customers. */
public final class CustomerService {
  private static final Log LOG = Log.get(CustomerService.class);
  private final CustomerStore store;
  private final Clock clock;
  private final String defaultLocale;

  public CustomerService(CustomerStore store, Clock clock, String defaultLocale) {
    this.store = store;
    this.clock = clock;
    this.defaultLocale = defaultLocale;
  }

  public Customer register(CustomerRegistration registration) {
    Customer customer = CustomerRules.register(registration, Ids.newId("cus", clock), defaultLocale, clock);
    try {
      store.create(customer);
    } catch (CustomerStore.DuplicateEmailException e) {
      throw ApiException.conflict("email-taken", "A customer with this e-mail is already registered.",
          List.of(new Problem.FieldError("email", "is already registered")));
    }
    LOG.info("customer registered", "customerId", customer.id(), "email", Pii.email(customer.email()));
    return customer;
  }

  public Customer get(String id) {
    return store.find(id).orElseThrow(() -> ApiException.notFound("Customer " + id));
  }
}
