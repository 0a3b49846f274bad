package dev.storeops.ordering.promo;

/**
 * The promo code as stored on the order that used it: what to restore when the order is cancelled
 * before shipping, and what the reports count per campaign.
 *
 * @param source the campaign id, or {@code birthday}
 * @param discountMinor the order's discount, kopecks (the sum of its lines' {@code discountMinor})
 * @param limited the code has a limit of uses: its counter was raised in the order's transaction
 * @param oncePerCustomer the customer's use item was put in the order's transaction
 */
public record AppliedPromo(String code, String kind, String source, Integer discountPercent, long discountMinor,
    boolean limited, boolean oncePerCustomer) {

  public static AppliedPromo of(PromoCode code, long discountMinor) {
    return new AppliedPromo(code.code(), code.kind(), code.source(), code.discountPercent(), discountMinor,
        code.limited(), code.oncePerCustomer());
  }
}
