package dev.storeops.ordering.promo;

import dev.storeops.catalog.Money;
import java.util.Optional;

/** A code with a minimum order amount needs the items total (before the discount) to reach it. */
public final class PromoMinimumOrderPolicy implements PromoRule {
  @Override
  public Optional<PromoRejection> check(PromoCode code, Checkout checkout) {
    if (code.minOrderMinor() > 0 && checkout.itemsTotalMinor() < code.minOrderMinor()) {
      return Optional.of(new PromoRejection(PromoRejection.Reason.BELOW_MINIMUM,
          "needs goods for at least " + Money.rub(code.minOrderMinor())));
    }
    return Optional.empty();
  }
}
