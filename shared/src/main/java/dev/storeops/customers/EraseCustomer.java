package dev.storeops.customers;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Erases a customer (152-FZ art. 21, GDPR art. 17; docs/privacy.md): {@link ErasurePolicy} first
 * (no order in progress), then every context's records ({@link PersonalData#erase}: orders kept and
 * anonymised, mail log purged, address kept only as a hash on the suppression list, carts and flows
 * removed, tasks anonymised), and last, in one transaction, the profile and the e-mail claim removed
 * and the {@link CustomerErasure} record written. The profile goes last so that an erasure stopped
 * half-way is finished by repeating it; an erasure that is done returns its record again (200).
 */
public final class EraseCustomer {
  private static final Log LOG = Log.get(EraseCustomer.class);
  private final CustomerStore customers;
  private final CustomerErasures erasures;
  private final List<PersonalData> holders;
  private final Clock clock;

  public EraseCustomer(CustomerStore customers, CustomerErasures erasures, List<PersonalData> holders, Clock clock) {
    this.customers = customers;
    this.erasures = erasures;
    this.holders = List.copyOf(holders);
    this.clock = clock;
  }

  public CustomerErasure erase(String id, String by) {
    String customerId = CustomerRules.customerId(id);
    Optional<CustomerErasure> done = erasures.find(customerId);
    if (done.isPresent()) {
      return done.get();
    }
    Customer customer = customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
    List<String> blockers = new ArrayList<>();
    holders.forEach(h -> blockers.addAll(h.erasureBlockers(customer)));
    ErasurePolicy.check(blockers);
    String reference = ErasedReferences.reference(customerId);
    Map<String, Integer> items = new LinkedHashMap<>();
    for (PersonalData holder : holders) {
      holder.erase(customer, reference).forEach((kind, n) -> items.merge(kind, n, Integer::sum));
    }
    items.put("profile", 1);
    CustomerErasure erasure = new CustomerErasure(customerId, reference, clock.instant(), by, items);
    erasures.complete(customer, erasure);
    LOG.info("customer erased", "customerId", customerId, "reference", reference, "by", by, "items", items);
    return erasure;
  }
}
