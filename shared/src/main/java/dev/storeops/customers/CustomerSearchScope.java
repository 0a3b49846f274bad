package dev.storeops.customers;

/**
 * Who finds whom: a caller limited to their own customers (a manager) finds any customer by the exact
 * phone or e-mail — they have the person on the line and take the order — but by a name only the
 * customers assigned to them, so a name prefix cannot list the shop's customer base. Everyone else who
 * may search (the owner) finds every customer.
 */
public final class CustomerSearchScope {
  private CustomerSearchScope() {}

  /** Whether {@code customer}, found by a query of {@code kind}, is shown to the caller. */
  public static boolean shows(CustomerSearchTerms.Kind kind, Customer customer, String callerId, boolean onlyOwn) {
    if (!onlyOwn || kind != CustomerSearchTerms.Kind.NAME) {
      return true;
    }
    return callerId != null && callerId.equals(customer.managerId());
  }
}
