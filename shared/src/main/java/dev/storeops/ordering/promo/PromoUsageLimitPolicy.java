package dev.storeops.ordering.promo;

import java.util.Optional;

/**
 * A code with a limit of uses ({@code maxUses}; a birthday code: 1) is refused once that many orders
 * used it. Checked here for the answer's words; the order's transaction checks it again
 * ({@code uses < maxUses}), so concurrent orders cannot spend it twice.
 */
public final class PromoUsageLimitPolicy implements PromoRule {
  @Override
  public Optional<PromoRejection> check(PromoCode code, Checkout checkout) {
    if (code.limited() && code.uses() >= code.maxUses()) {
      return Optional.of(new PromoRejection(PromoRejection.Reason.USED, code.maxUses() == 1
          ? "was already used" : "was used the " + code.maxUses() + " times it allows"));
    }
    return Optional.empty();
  }
}
