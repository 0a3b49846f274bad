package dev.storeops.customers;

import dev.storeops.platform.ids.TokenHash;
import dev.storeops.platform.log.Log;
import java.time.Clock;
import java.util.Optional;

/**
 * Double opt-in: the customer confirms the marketing consent given on a form by posting the token of
 * the link mailed to them. Records when, from which request and which link; the link then stops
 * working. Plain Java.
 */
public final class ConfirmConsent {
  private static final Log LOG = Log.get(ConfirmConsent.class);
  private final CustomerStore store;
  private final Clock clock;

  public ConfirmConsent(CustomerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The confirmed customer's id; empty for an unknown, used or expired link. */
  public Optional<String> confirm(String token, String requestId) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    String hash = TokenHash.of(token);
    Optional<String> customerId = store.confirmConsent(hash, new ConsentEvent(ConsentEvent.Kind.CONFIRMED,
        clock.instant(), "confirmation-link", requestId, CustomerService.linkId(hash)));
    if (customerId.isPresent()) {
      LOG.info("marketing consent confirmed", "customerId", customerId.get(), "linkId", CustomerService.linkId(hash));
    } else {
      LOG.info("consent confirmation refused: unknown, used or expired link");
    }
    return customerId;
  }
}
