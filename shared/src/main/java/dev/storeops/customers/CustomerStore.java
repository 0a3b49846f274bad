package dev.storeops.customers;

import java.time.Instant;
import java.util.Optional;

/** Where customers are kept. */
public interface CustomerStore {
  /** Stores a new customer; {@link DuplicateEmailException} when the e-mail is taken (any case). */
  default void create(Customer customer) {
    create(customer, Secrets.NONE);
  }

  /** Stores a new customer with the hashes of its tokens (never returned by reads). */
  void create(Customer customer, Secrets secrets);

  Optional<Customer> find(String id);

  /** The customer, only when {@code token} is its access token (compared with the stored hash). */
  Optional<Customer> findWithAccessToken(String id, String token);

  Optional<String> findIdByEmail(String email);

  /**
   * Confirms the marketing consent of the unused, unexpired confirmation link whose hash is {@code
   * linkHash}, in one transaction: the link is marked used, the profile gets {@code marketingConsent},
   * {@code consentConfirmedAt} and the event appended to its history. Empty when there is no such link.
   */
  Optional<String> confirmConsent(String linkHash, ConsentEvent confirmation);

  /**
   * What is stored beside a new customer as a hash only.
   *
   * @param accessTokenHash the customer's own credential (returned once by {@code POST /customers})
   * @param consentLinkHash the double opt-in link mailed for a pending consent ({@code null}: none)
   * @param consentLinkExpiresAt when that link stops working
   */
  record Secrets(String accessTokenHash, String consentLinkHash, Instant consentLinkExpiresAt) {
    public static final Secrets NONE = new Secrets(null, null, null);
  }

  /** The e-mail belongs to another customer already. */
  final class DuplicateEmailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DuplicateEmailException() {
      super("e-mail already registered", null, false, false);
    }
  }
}
