package dev.storeops.customers;

import java.util.Optional;

/** Where customers are kept. */
public interface CustomerStore {
  /** Stores a new customer; {@link DuplicateEmailException} when the e-mail is taken (any case). */
  void create(Customer customer);

  Optional<Customer> find(String id);

  Optional<String> findIdByEmail(String email);

  /** The e-mail belongs to another customer already. */
  final class DuplicateEmailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateEmailException() {
      super("e-mail already registered", null, false, false);
    }
  }
}
