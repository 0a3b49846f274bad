package dev.storeops.campaigns;

/** The body of {@code POST /staff/campaigns}. */
public record CampaignRequest(
    String name,
    String template,
    String subject,
    String body,
    Segment segment,
    String discountCode,
    String sendAt) {

  /** Who gets it; today {@code all-with-consent}. */
  public record Segment(String type) {}
}
