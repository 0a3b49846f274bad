package dev.storeops.messaging.sending;

import dev.storeops.platform.config.Env;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a refused send means (docs/email.md, "When SES says no"):
 * <ul>
 *   <li>{@link Verdict#THROTTLED}: SES asks us to slow down (HTTP 429, {@code TooManyRequests*}, {@code
 *       Throttling*}, {@code LimitExceeded*}, "Maximum sending rate exceeded"). The mail is handed back
 *       to the queue as a copy delayed {@link #handBackDelay} — 30 s × 2^(n−1) for its n-th hand-back,
 *       capped at 15 minutes (SQS's longest message delay) — so throttling never consumes the DLQ budget;
 *       after {@link #maxHandBacks} hand-backs (a day at the cap) a throttle counts as an ordinary failure.</li>
 *   <li>{@link Verdict#REJECTED}: SES will never take this mail ({@code MessageRejected}, {@code
 *       MailFromDomainNotVerified}, {@code BadRequest*}, {@code InvalidParameter*}, an invalid address):
 *       tried once, recorded in the mail log as {@code REJECTED} with the reason, not retried, not in the DLQ.</li>
 *   <li>{@link Verdict#TRANSIENT}: anything else (5xx, timeouts, the network, our own permissions): the
 *       queue retries it and the DLQ takes it after its receives.</li>
 * </ul>
 */
public final class SendFailurePolicy {
  /** What to do with a refused send. */
  public enum Verdict { THROTTLED, REJECTED, TRANSIENT }

  /** SQS's longest message delay. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final List<String> THROTTLING = List.of("TooManyRequests", "Throttling", "LimitExceeded",
      "RequestLimitExceeded", "SlowDown");
  private static final List<String> PERMANENT = List.of("MessageRejected", "MailFromDomainNotVerified",
      "BadRequest", "InvalidParameter");

  private final Duration base;
  private final int maxHandBacks;

  public SendFailurePolicy(Duration base, int maxHandBacks) {
    this.base = base;
    this.maxHandBacks = maxHandBacks;
  }

  public static SendFailurePolicy defaults() {
    return new SendFailurePolicy(Duration.ofSeconds(30), 96);
  }

  /** From the environment: {@code MAIL_THROTTLE_BASE_SECONDS} (default 30). */
  public static SendFailurePolicy from(Env env) {
    return new SendFailurePolicy(Duration.ofSeconds(env.optionalInt("MAIL_THROTTLE_BASE_SECONDS", 30)),
        defaults().maxHandBacks);
  }

  /** The verdict on an answer of the mail service: its error code, HTTP status (0: no answer) and message. */
  public static Verdict classify(String errorCode, int httpStatus, String message) {
    String code = errorCode == null ? "" : errorCode;
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (httpStatus == 429 || THROTTLING.stream().anyMatch(code::startsWith)
        || text.contains("sending rate exceeded") || text.contains("rate exceeded")) {
      return Verdict.THROTTLED;
    }
    if (httpStatus >= 400 && httpStatus < 500 && PERMANENT.stream().anyMatch(code::startsWith)) {
      return Verdict.REJECTED;
    }
    return Verdict.TRANSIENT;
  }

  /** The delay of the {@code handBack}-th hand-back (1 = the first): base × 2^(n−1), at most {@link #MAX_DELAY}. */
  public Duration handBackDelay(int handBack) {
    int exponent = Math.max(0, Math.min(handBack - 1, 20));
    Duration delay = base.multipliedBy(1L << exponent);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** Whether a mail throttled {@code handBacksSoFar} times is handed back again (else it fails as usual). */
  public boolean handBackAgain(int handBacksSoFar) {
    return handBacksSoFar < maxHandBacks;
  }
}
