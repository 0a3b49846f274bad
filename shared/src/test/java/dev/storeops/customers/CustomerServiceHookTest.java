package dev.storeops.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.ids.TokenHash;
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
  private final Map<String, String> tokenHashes = new HashMap<>();
  private final CustomerStore store = new CustomerStore() {
    @Override
    public void create(Customer customer, Secrets secrets) {
      if (byEmail.putIfAbsent(Customer.emailKey(customer.email()), customer) != null) {
        throw new DuplicateEmailException();
      }
      tokenHashes.put(customer.id(), secrets.accessTokenHash());
    }

    @Override
    public Optional<Customer> findWithAccessToken(String id, String token) {
      return find(id).filter(c -> TokenHash.matches(token, tokenHashes.get(id)));
    }

    @Override
    public Optional<String> confirmConsent(String linkHash, ConsentEvent confirmation) {
      throw new UnsupportedOperationException("not used here");
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
    List<CustomerService.Registered> seen = new ArrayList<>();
    CustomerService service = new CustomerService(store, clock, "ru", seen::add);
    Customer c = service.register(registration);
    assertEquals(List.of(c), seen.stream().map(CustomerService.Registered::customer).toList());
    assertTrue(seen.get(0).consentToken() != null, "consent was ticked: the hook gets the confirmation link's token");
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

  @Test
  void theAccessTokenIsReturnedOnceAndOnlyItOpensTheProfile() {
    CustomerService service = new CustomerService(store, clock, "ru");
    CustomerService.Registered r = service.register(registration, "POST /customers", "req-1");
    assertEquals(TokenHash.of(r.accessToken()), tokenHashes.get(r.customer().id()));
    assertEquals(r.customer(), service.getForCustomer(r.customer().id(), r.accessToken()));
    assertThrows(DomainException.class, () -> service.getForCustomer(r.customer().id(), null));
    assertThrows(DomainException.class, () -> service.getForCustomer(r.customer().id(), "guess"));
    assertEquals("req-1", r.customer().consentHistory().get(0).requestId());
    assertEquals(CustomerService.linkId(TokenHash.of(r.consentToken())), r.customer().consentHistory().get(0).linkId());
  }
}
