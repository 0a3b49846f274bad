package dev.storeops.messaging.sms;

import java.util.Optional;

/**
 * Whether an SMS may go, and to which number. Only transactional texts exist ({@link SmsTexts}): an
 * order's way and refunds, which under Russian law (38-FZ "On Advertising", art. 18) are not
 * advertising and need no advertising consent; marketing never goes by SMS. The customer's choice is
 * respected all the same: a customer who opted out ({@link SmsConsents}) gets no SMS. No usable phone
 * (missing, or not a number that normalises to international form) → skipped. Decides only; no I/O.
 */
public final class SmsPolicy {
  /** What to do with an intent: send to {@code phone}, or skip with {@code reason}. */
  public record Decision(boolean send, String phone, String reason) {
    static Decision skip(String reason) {
      return new Decision(false, null, reason);
    }
  }

  public Decision decide(SmsIntent intent, boolean optedOut) {
    if (!SmsTexts.known(intent.template())) {
      return Decision.skip("not-transactional");
    }
    if (intent.customerId() != null && optedOut) {
      return Decision.skip("opted-out");
    }
    return normalise(intent.phone()).map(p -> new Decision(true, p, null))
        .orElseGet(() -> Decision.skip("no-phone"));
  }

  /**
   * The number in international form: spaces, brackets and dashes dropped; Russian {@code 8XXXXXXXXXX}
   * or {@code 7XXXXXXXXXX} → {@code +7XXXXXXXXXX}; otherwise {@code +} and 8 to 15 digits.
   */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String p = raw.replaceAll("[\\s()\\-.]", "");
    if (p.matches("8\\d{10}") || p.matches("7\\d{10}")) {
      p = "+7" + p.substring(1);
    }
    return p.matches("\\+[1-9]\\d{7,14}") ? Optional.of(p) : Optional.empty();
  }
}
