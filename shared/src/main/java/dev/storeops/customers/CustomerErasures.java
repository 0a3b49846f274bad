package dev.storeops.customers;

import java.util.Optional;

/** Where the profile's last step of an erasure happens and its record is kept. */
public interface CustomerErasures {
  /** The record of the customer's erasure, when they were erased. */
  Optional<CustomerErasure> find(String customerId);

  /**
   * The last step of an erasure, in one transaction: the profile and the e-mail claim (when it is
   * still the customer's) removed, {@code erasure} stored.
   */
  void complete(Customer customer, CustomerErasure erasure);
}
