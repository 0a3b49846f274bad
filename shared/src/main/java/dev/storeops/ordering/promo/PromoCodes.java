package dev.storeops.ordering.promo;

import java.util.Optional;

/** The stored promo codes, as checkout reads them (the use is written in the order's transaction). */
public interface PromoCodes {
  Optional<PromoCode> find(String code);

  /** Whether {@code customerId} has a use of {@code code} that was not restored (its order not cancelled). */
  boolean usedBy(String code, String customerId);

  /** No codes at all (tests and tools that place orders without promotions). */
  PromoCodes NONE = new PromoCodes() {
    @Override
    public Optional<PromoCode> find(String code) {
      return Optional.empty();
    }

    @Override
    public boolean usedBy(String code, String customerId) {
      return false;
    }
  };
}
