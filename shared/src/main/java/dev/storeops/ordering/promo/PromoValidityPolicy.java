package dev.storeops.ordering.promo;

import java.util.Optional;

/** A code is accepted from its {@code validFrom} (inclusive) until its {@code expiresAt} (exclusive). */
public final class PromoValidityPolicy implements PromoRule {
  @Override
  public Optional<PromoRejection> check(PromoCode code, Checkout checkout) {
    if (code.validFrom() != null && checkout.at().isBefore(code.validFrom())) {
      return Optional.of(new PromoRejection(PromoRejection.Reason.NOT_YET_VALID,
          "is valid from " + code.validFrom()));
    }
    if (code.expiresAt() != null && !checkout.at().isBefore(code.expiresAt())) {
      return Optional.of(new PromoRejection(PromoRejection.Reason.EXPIRED, "expired at " + code.expiresAt()));
    }
    return Optional.empty();
  }
}
