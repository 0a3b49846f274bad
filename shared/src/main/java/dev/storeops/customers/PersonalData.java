package dev.storeops.customers;

import java.util.List;
import java.util.Map;

/**
 * One context's records about a customer, as the export and the erasure see them. Each context that
 * keeps something about a customer (orders and carts, mail, staff tasks) implements it beside its
 * store (its {@code dynamo} package); {@link ExportCustomerData} and {@link EraseCustomer} go through
 * all of them. docs/privacy.md lists what each one holds.
 */
public interface PersonalData {
  /** The export sections of this context (section name → plain JSON values). */
  Map<String, Object> export(Customer customer);

  /** Why the customer cannot be erased now, one line each (empty: nothing stops it). */
  default List<String> erasureBlockers(Customer customer) {
    return List.of();
  }

  /**
   * Removes or anonymises this context's records of the customer. Idempotent: a repeated or resumed
   * run finds nothing left to do.
   *
   * @param reference {@link ErasedReferences#reference} of the customer, written where records are kept
   * @return items changed or removed, by kind
   */
  Map<String, Integer> erase(Customer customer, String reference);
}
