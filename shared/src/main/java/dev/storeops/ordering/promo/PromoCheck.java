package dev.storeops.ordering.promo;

import java.util.List;
import java.util.Optional;

/**
 * Checks a code for a checkout: it exists, then every rule in turn (validity, owner, uses, once per
 * customer, minimum order). The first rule that refuses names the reason.
 */
public final class PromoCheck {
  public static final List<PromoRule> RULES = List.of(new PromoValidityPolicy(), new PromoOwnerPolicy(),
      new PromoUsageLimitPolicy(), new PromoOncePerCustomerPolicy(), new PromoMinimumOrderPolicy());

  private final PromoCodes codes;

  public PromoCheck(PromoCodes codes) {
    this.codes = codes;
  }

  /** The code that passes every rule; else throws the first rule's refusal (409 naming the reason). */
  public PromoCode accept(String code, String customerId, long itemsTotalMinor, java.time.Instant at) {
    PromoCode found = codes.find(code).orElseThrow(() ->
        new PromoRejection(PromoRejection.Reason.UNKNOWN, "no such code").toError());
    Checkout checkout = new Checkout(customerId, itemsTotalMinor, at,
        found.oncePerCustomer() && codes.usedBy(code, customerId));
    refusal(found, checkout).ifPresent(r -> {
      throw r.toError();
    });
    return found;
  }

  /** The first rule's refusal, if any. */
  public static Optional<PromoRejection> refusal(PromoCode code, Checkout checkout) {
    for (PromoRule rule : RULES) {
      Optional<PromoRejection> r = rule.check(code, checkout);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }
}
