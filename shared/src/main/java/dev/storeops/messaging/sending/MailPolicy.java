package dev.storeops.messaging.sending;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.MailIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who may get which mail. Plain Java:
 * <ul>
 *   <li>a suppressed address (permanent bounce, complaint) gets no mail of any category;</li>
 *   <li>marketing mail needs a known customer with {@code marketingConsent};</li>
 *   <li>marketing mail is capped: at most one per customer per {@code capWindow} (default 16 h);
 *       transactional and staff mail are not capped.</li>
 * </ul>
 */
public final class MailPolicy {
  public static final Duration DEFAULT_CAP = Duration.ofHours(16);

  /** Why a mail is not sent. */
  public enum SkipReason { NO_CONSENT, SUPPRESSED, CAPPED }

  private final Duration capWindow;
  private final String defaultLocale;

  public MailPolicy(Duration capWindow, String defaultLocale) {
    if (capWindow.isNegative()) {
      throw new IllegalArgumentException("cap window must not be negative");
    }
    this.capWindow = capWindow;
    this.defaultLocale = defaultLocale;
  }

  /**
   * The shop's mail policy: the marketing cap window from {@code MARKETING_CAP_HOURS} (default 16 h)
   * and the locale of a customer without one from {@link ShopSettings}.
   */
  public static MailPolicy from(Env env) {
    return new MailPolicy(Duration.ofHours(env.optionalInt("MARKETING_CAP_HOURS", (int) DEFAULT_CAP.toHours())),
        ShopSettings.from(env).defaultLocale());
  }

  public Duration capWindow() {
    return capWindow;
  }

  /** Empty = send; else the first reason that forbids it (suppression, then consent, then cap). */
  public Optional<SkipReason> check(MailIntent.Category category, Customer customer, boolean suppressed,
      Instant lastMarketingAt, Instant now) {
    if (suppressed) {
      return Optional.of(SkipReason.SUPPRESSED);
    }
    if (category != MailIntent.Category.MARKETING) {
      return Optional.empty();
    }
    if (customer == null || !customer.marketingConsent()) {
      return Optional.of(SkipReason.NO_CONSENT);
    }
    if (isCapped(lastMarketingAt, now)) {
      return Optional.of(SkipReason.CAPPED);
    }
    return Optional.empty();
  }

  public boolean isCapped(Instant lastMarketingAt, Instant now) {
    return lastMarketingAt != null && now.isBefore(lastMarketingAt.plus(capWindow));
  }

  /** The intent's locale, else the customer's, else the shop's default; unsupported values are passed over. */
  public String locale(String intentLocale, Customer customer, Set<String> supported) {
    for (String candidate : new String[] {intentLocale, customer == null ? null : customer.locale(), defaultLocale}) {
      if (candidate != null && supported.contains(candidate.trim().toLowerCase(java.util.Locale.ROOT))) {
        return candidate.trim().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return "ru";
  }
}
