package dev.storeops.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The optional after-registration hook (welcome mail) of CustomerService. */
class CustomerServiceHookTest {
  private final Map<String, Customer> byEmail = new HashMap<>();
  private final CustomerStore store = new CustomerStore() {
    @Override
    public void create(Customer customer) {
      if (byEmail.putIfAbsent(Customer.emailKey(customer.email()), customer) != null) {
        throw new DuplicateEmailException();
      }
    }

    @Override
    public Optional<Customer> find(String id) {
      return byEmail.values().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public Optional<String> findIdByEmail(String email) {
      return Optional.ofNullable(byEmail.get(Customer.emailKey(email))).map(Customer::id);
    }
  };
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final CustomerRegistration registration =
      new CustomerRegistration("ann@example.com", "Ann", "+79123456789", null, true, "en");

  @Test
  void theHookSeesEachNewCustomerOnceAndNotADuplicate() {
    List<Customer> seen = new ArrayList<>();
    CustomerService service = new CustomerService(store, clock, "ru", seen::add);
    Customer c = service.register(registration);
    assertEquals(List.of(c), seen);
    assertThrows(DomainException.class, () -> service.register(registration));
    assertEquals(1, seen.size());
  }

  @Test
  void aFailingHookDoesNotFailTheRegistration() {
    CustomerService service = new CustomerService(store, clock, "ru", c -> {
      throw new IllegalStateException("queue down");
    });
    Customer c = service.register(registration);
    assertTrue(store.find(c.id()).isPresent());
  }
}
