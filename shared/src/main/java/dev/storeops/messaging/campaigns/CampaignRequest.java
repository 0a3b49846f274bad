package dev.storeops.messaging.campaigns;

/** The body of {@code POST /staff/campaigns}. */
public record CampaignRequest(
    String name,
    String template,
    String subject,
    String body,
    Segment segment,
    String discountCode,
    String sendAt) {

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
