package dev.storeops.messaging.sms;

/**
 * A provider refused or could not take an SMS. {@code permanent}: retrying cannot help (an invalid
 * number, a blocked number, no money on the account, the sender name not approved) — the SMS is logged
 * {@code REJECTED} and not retried; otherwise (timeouts, 5xx, throttling) the queue retries it.
 */
public final class SmsProviderException extends Exception {
  /** The request went out but no answer came back: the SMS may have gone; it is not sent again. */
  public static final String NO_ANSWER = "no-answer";
  private final boolean permanent;
  private final String code;

  public SmsProviderException(boolean permanent, String code, String message) {
    super(message);
    this.permanent = permanent;
    this.code = code;
  }

  public SmsProviderException(boolean permanent, String code, String message, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
    this.code = code;
  }

  public boolean permanent() {
    return permanent;
  }

  public String code() {
    return code;
  }
}
