package dev.storeops.customers;

import java.time.Instant;

/**
 * One step of a customer's marketing consent, kept on the profile in order ({@code consentHistory}) so
 * that the consent can be proven and exported: when it was given (and from which request), when the
 * double opt-in link was confirmed (which link, which request), when it was withdrawn (how).
 *
 * @param source where it happened: {@code POST /customers}, {@code POST /orders}, {@code staff}, {@code
 *     confirmation-link}, {@code unsubscribe-link}, …
 * @param requestId the API request that did it (API Gateway request id), when known
 * @param linkId the id of the confirmation link (the first 16 hex characters of its hash; the token
 *     itself is never stored), or the key id of the unsubscribe token
 */
public record ConsentEvent(Kind kind, Instant at, String source, String requestId, String linkId) {
  public enum Kind { GIVEN, CONFIRMED, WITHDRAWN }
}
