package dev.storeops.customers;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the shop keeps about a customer, as one JSON document (152-FZ art. 14, GDPR art. 15;
 * docs/privacy.md): the profile, the consent as recorded, then each context's sections ({@link
 * PersonalData#export}): orders with their calls, carts, mails sent, suppression, mail flows, tasks.
 * An erased customer has nothing left to export (404).
 */
public final class ExportCustomerData {
  private static final Log LOG = Log.get(ExportCustomerData.class);
  private final CustomerStore customers;
  private final List<PersonalData> holders;
  private final Clock clock;

  public ExportCustomerData(CustomerStore customers, List<PersonalData> holders, Clock clock) {
    this.customers = customers;
    this.holders = List.copyOf(holders);
    this.clock = clock;
  }

  public Map<String, Object> export(String id, String by) {
    String customerId = CustomerRules.customerId(id);
    Customer customer = customers.find(customerId).orElseThrow(() -> new NotFound("Customer " + customerId));
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("customerId", customer.id());
    export.put("exportedAt", clock.instant().toString());
    export.put("profile", customer);
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("marketingConsent", customer.marketingConsent());
    consent.put("consentChangedAt", customer.consentChangedAt() == null ? null : customer.consentChangedAt().toString());
    // provable consent: given (pending until the double opt-in link), confirmed, withdrawn — with times
    consent.put("consentPendingSince", customer.consentPendingSince() == null ? null : customer.consentPendingSince().toString());
    consent.put("consentConfirmedAt", customer.consentConfirmedAt() == null ? null : customer.consentConfirmedAt().toString());
    consent.put("history", customer.consentHistory() == null ? java.util.List.of() : customer.consentHistory().stream()
        .map(e -> { Map<String, Object> m = new LinkedHashMap<>();
          m.put("kind", e.kind().name()); m.put("at", e.at() == null ? null : e.at().toString());
          m.put("source", e.source()); m.put("requestId", e.requestId()); m.put("linkId", e.linkId());
          if (e.channel() != null) { m.put("channel", e.channel()); m.put("by", e.by()); }
          return m; }).toList());
    export.put("consent", consent);
    for (PersonalData holder : holders) {
      export.putAll(holder.export(customer));
    }
    LOG.info("customer data exported", "customerId", customerId, "by", by, "sections", export.keySet());
    return export;
  }
}
