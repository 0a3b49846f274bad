package dev.storeops.messaging.campaigns;

import dev.storeops.ordering.promo.PromoCode;
import java.time.Instant;

/**
 * A holiday (or any) marketing campaign: what to send ({@code template}, {@code subject}, {@code
 * body}, optional {@code discountCode}), to whom ({@code segment}) and when ({@code sendAt}).
 * Status: {@code DRAFT} (created with its preview) → {@code SCHEDULED} (due at {@code sendAt}) →
 * {@code PLANNED} (intents on the e-mail queue). {@code discount}: the checkout terms of {@code
 * discountCode} (its promo code item is written with the campaign; docs/money.md).
 */
public record Campaign(
    String id,
    String name,
    String template,
    String subject,
    String body,
    String discountCode,
    String segment,
    Instant sendAt,
    String status,
    String createdBy,
    Instant createdAt,
    Preview preview,
    Long planned,
    PromoCode discount) {

  /** A campaign whose code (if any) carries no checkout terms of its own. */
  public Campaign(String id, String name, String template, String subject, String body, String discountCode,
      String segment, Instant sendAt, String status, String createdBy, Instant createdAt, Preview preview, Long planned) {
    this(id, name, template, subject, body, discountCode, segment, sendAt, status, createdBy, createdAt, preview, planned,
        null);
  }

  public static final String SEGMENT_ALL_WITH_CONSENT = "all-with-consent";

  /** Who would get it now: the segment's size and what consent, suppression and the cap leave of it. */
  public record Preview(long segment, long noConsent, long suppressed, long capped, long recipients) {}

  /** The flow name of its mail (figures, dedupe keys). */
  public String flow() {
    return "campaign:" + id;
  }
}
