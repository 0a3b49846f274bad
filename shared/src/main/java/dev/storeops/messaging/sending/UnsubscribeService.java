package dev.storeops.messaging.sending;

import dev.storeops.customers.ConsentEvent;
import dev.storeops.platform.log.Log;
import java.time.Clock;

/**
 * Unsubscribe links (RFC 8058): {@link #check} verifies a token and changes nothing (the page a GET
 * shows — mail scanners prefetch links); {@link #unsubscribe} (a POST: the page's button or the mail
 * client's one-click request) withdraws the customer's marketing consent. Idempotent; plain Java.
 */
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

  /** Verifies the token only; {@link UnsubscribeTokens.InvalidTokenException} for a bad or expired token. */
  public void check(String token) {
    tokens.open(token, clock.instant());
  }

  /** Unsubscribes the token's customer; {@link UnsubscribeTokens.InvalidTokenException} for a bad or expired token. */
  public void unsubscribe(String token, String source, String requestId) {
    UnsubscribeTokens.Verified verified = tokens.open(token, clock.instant());
    boolean changed = consents.withdraw(verified.customerId(),
        new ConsentEvent(ConsentEvent.Kind.WITHDRAWN, clock.instant(), source, requestId, verified.keyId()));
    LOG.info(changed ? "marketing consent withdrawn" : "marketing consent was already withdrawn",
        "customerId", verified.customerId(), "keyId", verified.keyId(), "legacyToken", verified.legacy());
  }
}
