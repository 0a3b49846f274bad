package dev.storeops.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The erasure's rules and order of steps, over in-memory ports (the DynamoDB side: it/CustomerErasureTest). */
class EraseCustomerTest {
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Map<String, Customer> profiles = new HashMap<>();
  private final Map<String, CustomerErasure> erased = new HashMap<>();
  private final List<String> steps = new ArrayList<>();
  private List<String> blockers = List.of();

  private final CustomerStore store = new CustomerStore() {
    @Override
    public void create(Customer customer, Secrets secrets) {
      profiles.put(customer.id(), customer);
    }

    @Override
    public Optional<Customer> findWithAccessToken(String id, String token) {
      return Optional.empty();
    }

    @Override
    public Optional<String> confirmConsent(String linkHash, ConsentEvent confirmation) {
      return Optional.empty();
    }

    @Override
    public Optional<Customer> find(String id) {
      return Optional.ofNullable(profiles.get(id));
    }

    @Override
    public Optional<String> findIdByEmail(String email) {
      return Optional.empty();
    }
  };
  private final CustomerErasures erasures = new CustomerErasures() {
    @Override
    public Optional<CustomerErasure> find(String customerId) {
      return Optional.ofNullable(erased.get(customerId));
    }

    @Override
    public void complete(Customer customer, CustomerErasure erasure) {
      steps.add("profile");
      profiles.remove(customer.id());
      erased.put(customer.id(), erasure);
    }
  };
  private final PersonalData orders = new PersonalData() {
    @Override
    public Map<String, Object> export(Customer customer) {
      return Map.of("orders", List.of(Map.of("id", "ord_1")));
    }

    @Override
    public List<String> erasureBlockers(Customer customer) {
      return blockers;
    }

    @Override
    public Map<String, Integer> erase(Customer customer, String reference) {
      steps.add("orders:" + reference);
      return Map.of("orders", 2);
    }
  };
  private final PersonalData mail = new PersonalData() {
    @Override
    public Map<String, Object> export(Customer customer) {
      return Map.of("mails", List.of(Map.of("dedupeKey", "welcome#" + customer.id())));
    }

    @Override
    public Map<String, Integer> erase(Customer customer, String reference) {
      steps.add("mail");
      return Map.of("mailLog", 3);
    }
  };
  private final EraseCustomer erase = new EraseCustomer(store, erasures, List.of(orders, mail), clock);
  private final ExportCustomerData export = new ExportCustomerData(store, List.of(orders, mail), clock);

  private Customer anna() {
    Customer anna = new Customer("cus_anna", "Anna@Example.com", "Анна", "+79031112233", null, true,
        Instant.parse("2026-01-01T00:00:00Z"), "ru", Instant.parse("2026-01-01T00:00:00Z"), null);
    store.create(anna);
    return anna;
  }

  @Test
  void referenceIsStablePerCustomerAndRevealsNothing() {
    String ref = ErasedReferences.reference("cus_anna");
    assertEquals(ref, ErasedReferences.reference("cus_anna"));
    assertNotEquals(ref, ErasedReferences.reference("cus_boris"));
    assertTrue(ref.matches("erased-[0-9a-f]{16}"), ref);
    assertEquals(ErasedReferences.addressHash(" Anna@Example.com "), ErasedReferences.addressHash("anna@example.com"));
    assertTrue(ErasedReferences.addressHash("anna@example.com").matches("[0-9a-f]{64}"));
  }

  @Test
  void everyContextThenTheProfileLastAndTheRecordCountsWhatWentAway() {
    anna();
    CustomerErasure done = erase.erase("cus_anna", "owner-1");
    String ref = ErasedReferences.reference("cus_anna");
    assertEquals(List.of("orders:" + ref, "mail", "profile"), steps);
    assertEquals(new CustomerErasure("cus_anna", ref, NOW, "owner-1", Map.of("orders", 2, "mailLog", 3, "profile", 1)),
        done);
  }

  @Test
  void aSecondErasureReturnsTheFirstRecordAndDoesNothing() {
    anna();
    CustomerErasure first = erase.erase("cus_anna", "owner-1");
    steps.clear();
    assertEquals(first, erase.erase("cus_anna", "owner-2"));
    assertEquals(List.of(), steps);
  }

  @Test
  void anOrderInProgressBlocksTheErasureAndNothingIsTouched() {
    anna();
    blockers = List.of("order 261123-ABCDEF (ord_1) is READY_TO_SHIP");
    Conflict e = assertThrows(Conflict.class, () -> erase.erase("cus_anna", "owner-1"));
    assertEquals("erasure-blocked", e.code());
    assertEquals("order 261123-ABCDEF (ord_1) is READY_TO_SHIP", e.errors().get(0).message());
    assertEquals(List.of(), steps);
    assertTrue(profiles.containsKey("cus_anna"));
  }

  @Test
  void unknownCustomerIs404AndABadIdIs400() {
    assertThrows(NotFound.class, () -> erase.erase("cus_nobody", "owner-1"));
    assertThrows(NotFound.class, () -> export.export("cus_nobody", "owner-1"));
    assertThrows(Invalid.class, () -> erase.erase("cus/../x", "owner-1"));
    assertThrows(Invalid.class, () -> export.export("x".repeat(101), "owner-1"));
  }

  @Test
  void exportHasProfileConsentAndEverySection() {
    Customer anna = anna();
    Map<String, Object> data = export.export("cus_anna", "owner-1");
    assertEquals(anna, data.get("profile"));
    Map<String, Object> consent = new java.util.LinkedHashMap<>();
    consent.put("marketingConsent", true);
    consent.put("consentChangedAt", "2026-01-01T00:00:00Z");
    consent.put("consentPendingSince", null);
    consent.put("consentConfirmedAt", null);
    consent.put("history", List.of());
    assertEquals(consent, data.get("consent"));
    assertEquals(List.of(Map.of("id", "ord_1")), data.get("orders"));
    assertEquals(List.of(Map.of("dedupeKey", "welcome#cus_anna")), data.get("mails"));
    assertEquals(NOW.toString(), data.get("exportedAt"));
  }

  @Test
  void anErasedCustomerHasNothingToExport() {
    anna();
    erase.erase("cus_anna", "owner-1");
    assertThrows(NotFound.class, () -> export.export("cus_anna", "owner-1"));
  }
}
