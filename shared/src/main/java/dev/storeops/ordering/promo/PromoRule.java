package dev.storeops.ordering.promo;

import java.util.Optional;

/** One rule a promo code must pass at checkout; each rule is its own class (docs/money.md). */
public interface PromoRule {
  /** Empty when the code passes this rule for this checkout. */
  Optional<PromoRejection> check(PromoCode code, Checkout checkout);
}
