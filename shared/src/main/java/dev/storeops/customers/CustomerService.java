package dev.storeops.customers;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.ids.TokenHash;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import dev.storeops.platform.ids.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Registers and reads customers. A registration returns the customer's access token once (only its
 * hash is stored): the customer's own credential for reading the profile and attaching carts. Marketing
 * consent ticked on the form is pending until the double opt-in link (mailed by the registration hook)
 * is confirmed.
 */
public final class CustomerService {
  /** How long a double opt-in confirmation link works. */
  public static final Duration CONSENT_LINK_VALIDITY = Duration.ofDays(7);
  private static final Log LOG = Log.get(CustomerService.class);
  private final CustomerStore store;
  private final Clock clock;
  private final String defaultLocale;
  private final Consumer<Registered> onRegistered;

  /**
   * A new customer with its tokens, in clear only here (never stored).
   *
   * @param accessToken the customer's credential ({@code X-Customer-Token})
   * @param consentToken the double opt-in link's token when consent was given, else {@code null}
   */
  public record Registered(Customer customer, String accessToken, String consentToken) {}

  public CustomerService(CustomerStore store, Clock clock, String defaultLocale) {
    this(store, clock, defaultLocale, registered -> { });
  }

  /** With a hook run after a customer is stored (e.g. enqueue the welcome mail); its failure is logged, never fails the registration. */
  public CustomerService(CustomerStore store, Clock clock, String defaultLocale, Consumer<Registered> onRegistered) {
    this.store = store;
    this.clock = clock;
    this.defaultLocale = defaultLocale;
    this.onRegistered = onRegistered;
  }

  /** A registration inside an order ({@code POST /orders}, staff phone orders). */
  public Customer register(CustomerRegistration registration) {
    return register(registration, "order", null).customer();
  }

  /**
   * Registers a customer.
   *
   * @param source where the registration (and any consent) came from, e.g. {@code POST /customers}
   * @param requestId the API request id, recorded with the consent
   */
  public Registered register(CustomerRegistration registration, String source, String requestId) {
    String consentToken = Ids.token(24);
    String linkHash = TokenHash.of(consentToken);
    Customer customer = CustomerRules.register(registration, Ids.newId("cus", clock), defaultLocale, clock,
        source, requestId, linkId(linkHash));
    boolean pending = customer.consentPendingSince() != null;
    String accessToken = Ids.token(32);
    Instant now = clock.instant();
    try {
      store.create(customer, new CustomerStore.Secrets(TokenHash.of(accessToken), pending ? linkHash : null,
          pending ? now.plus(CONSENT_LINK_VALIDITY) : null));
    } catch (CustomerStore.DuplicateEmailException e) {
      throw new Conflict("email-taken", "A customer with this e-mail is already registered.",
          List.of(new FieldError("email", "is already registered")));
    }
    LOG.info("customer registered", "customerId", customer.id(), "email", Pii.email(customer.email()),
        "consentPending", pending);
    Registered registered = new Registered(customer, accessToken, pending ? consentToken : null);
    try {
      onRegistered.accept(registered);
    } catch (RuntimeException e) {
      LOG.error("after-registration hook failed", e, "customerId", customer.id());
    }
    return registered;
  }

  /** The id of a confirmation link as recorded in the consent history: a prefix of its hash. */
  public static String linkId(String linkHash) {
    return linkHash.substring(0, 16);
  }

  /** Staff and internal reads (no credential: staff routes are authorised by the API). */
  public Customer get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("Customer " + id));
  }

  /** The customer's own read: 404 without the right access token (existence is not revealed). */
  public Customer getForCustomer(String id, String accessToken) {
    return store.findWithAccessToken(id, accessToken).orElseThrow(() -> new NotFound("Customer " + id));
  }

  /** Whether {@code accessToken} is the credential of customer {@code id}. */
  public boolean isCustomersToken(String id, String accessToken) {
    return accessToken != null && store.findWithAccessToken(id, accessToken).isPresent();
  }
}
