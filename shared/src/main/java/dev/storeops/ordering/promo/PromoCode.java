package dev.storeops.ordering.promo;

import java.time.Instant;

/**
 * A discount code as stored ({@code PROMO#<code> / PROMO}): issued by the birthday flow (one
 * customer's, single use) or defined by a campaign (docs/money.md).
 *
 * @param kind {@code birthday} or {@code campaign}
 * @param campaignId the campaign that defined it ({@code null} for a birthday code)
 * @param ownerCustomerId the only customer who may use it ({@code null}: anyone)
 * @param discountPercent 1..100, or {@code null} when the discount is an amount
 * @param discountMinor a fixed amount off the items, kopecks, or {@code null} when it is a percent
 * @param minOrderMinor the items total (before the discount) the order must reach, kopecks (0: none)
 * @param validFrom first instant it is accepted ({@code null}: at once)
 * @param expiresAt first instant it is no longer accepted ({@code null}: never)
 * @param maxUses total uses allowed ({@code null}: unlimited); a birthday code has 1
 * @param uses uses counted so far (orders not cancelled before shipping)
 * @param oncePerCustomer each customer may use it once
 */
public record PromoCode(String code, String kind, String campaignId, String ownerCustomerId, Integer discountPercent,
    Long discountMinor, long minOrderMinor, Instant validFrom, Instant expiresAt, Integer maxUses, long uses,
    boolean oncePerCustomer) {

  public static final String BIRTHDAY = "birthday";
  public static final String CAMPAIGN = "campaign";

  /** Where the discount is counted in the reports: the campaign id, else the kind ({@code birthday}). */
  public String source() {
    return campaignId != null ? campaignId : kind;
  }

  public boolean limited() {
    return maxUses != null;
  }
}
