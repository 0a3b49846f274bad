package dev.storeops.messaging.sending;

import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.log.Log;
import java.time.Clock;

/** Verifies an unsubscribe token and withdraws the customer's marketing consent. Idempotent; plain Java. */
public final class UnsubscribeService {
  private static final Log LOG = Log.get(UnsubscribeService.class);
  private final UnsubscribeTokens tokens;
  private final ConsentStore consents;
  private final Clock clock;

  public UnsubscribeService(UnsubscribeTokens tokens, ConsentStore consents, Clock clock) {
    this.tokens = tokens;
    this.consents = consents;
    this.clock = clock;
  }

  /** Unsubscribes the token's customer; {@link UnsubscribeTokens.InvalidTokenException} for a bad or expired token. */
  public String unsubscribe(String token) {
    String customerId = tokens.verify(token, clock.instant());
    boolean changed = consents.withdraw(customerId, clock.instant());
    LOG.info(changed ? "marketing consent withdrawn" : "marketing consent was already withdrawn",
        "customerId", customerId);
    return customerId;
  }
}
