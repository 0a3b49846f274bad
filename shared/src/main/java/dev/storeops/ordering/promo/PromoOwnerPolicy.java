package dev.storeops.ordering.promo;

import java.util.Optional;

/** A personal code (a birthday code) is accepted only on its owner's orders. */
public final class PromoOwnerPolicy implements PromoRule {
  @Override
  public Optional<PromoRejection> check(PromoCode code, Checkout checkout) {
    if (code.ownerCustomerId() != null && !code.ownerCustomerId().equals(checkout.customerId())) {
      return Optional.of(new PromoRejection(PromoRejection.Reason.NOT_YOURS, "is a personal code of another customer"));
    }
    return Optional.empty();
  }
}
