package dev.storeops.messaging.campaigns;

/** The body of {@code POST /staff/campaigns}. */
public record CampaignRequest(
    String name,
    String template,
    String subject,
    String body,
    Segment segment,
    String discountCode,
    String sendAt,
    Discount discount) {

  public CampaignRequest(String name, String template, String subject, String body, Segment segment,
      String discountCode, String sendAt) {
    this(name, template, subject, body, segment, discountCode, sendAt, null);
  }

  /**
   * The terms of {@code discountCode} at checkout (required with it): {@code percent} (1–100) or
   * {@code amountMinor} (kopecks), optional {@code validFrom}/{@code validUntil} (ISO instants; until is
   * exclusive), {@code maxUses} (total), {@code oncePerCustomer} (default true), {@code minOrderMinor}.
   */
  public record Discount(Integer percent, Long amountMinor, String validFrom, String validUntil, Integer maxUses,
      Boolean oncePerCustomer, Long minOrderMinor) {}

  /**
   * Who gets it: {@code all-with-consent}, {@code bought-in-category} (with {@code category}) or {@code
   * ordered-in-last-days} (with {@code days}, 1–365).
   */
  public record Segment(String type, String category, Integer days) {
    public Segment(String type) {
      this(type, null, null);
    }
  }
}
