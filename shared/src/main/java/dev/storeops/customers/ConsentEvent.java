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
 * @param channel what the step is about: {@code null} = the marketing mail consent (every step before
 *     the SMS choice existed), {@code SMS} = the customer's SMS choice (messaging/sms/SetSmsConsent:
 *     WITHDRAWN = opted out, GIVEN = allowed again)
 * @param by the staff member who recorded the step, when staff did ({@code null} for the customer's own)
 */
public record ConsentEvent(Kind kind, Instant at, String source, String requestId, String linkId, String channel,
    String by) {
  public enum Kind { GIVEN, CONFIRMED, WITHDRAWN }

  /** The channel of the SMS choice's steps. */
  public static final String SMS = "SMS";

  /** A step of the marketing mail consent (no channel, not recorded by staff). */
  public ConsentEvent(Kind kind, Instant at, String source, String requestId, String linkId) {
    this(kind, at, source, requestId, linkId, null, null);
  }
}
