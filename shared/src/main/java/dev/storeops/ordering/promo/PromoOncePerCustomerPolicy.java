package dev.storeops.ordering.promo;

import java.util.Optional;

/**
 * A code issued "once per customer" is refused to a customer who already used it (an order not
 * cancelled). The order's transaction puts the customer's use item under the same condition.
 */
public final class PromoOncePerCustomerPolicy implements PromoRule {
  @Override
  public Optional<PromoRejection> check(PromoCode code, Checkout checkout) {
    if (code.oncePerCustomer() && checkout.usedByCustomer()) {
      return Optional.of(new PromoRejection(PromoRejection.Reason.USED_BY_YOU, "was already used by this customer"));
    }
    return Optional.empty();
  }
}
