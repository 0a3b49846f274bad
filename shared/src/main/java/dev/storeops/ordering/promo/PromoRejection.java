package dev.storeops.ordering.promo;

import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;
import java.util.List;

/**
 * Why a promo code was refused at checkout. Each becomes a 409 problem+json whose type names the
 * reason ({@code …/problems/promo-code-expired}) and whose {@code errors[0]} is the field {@code promoCode}:
 * never a silent full price.
 */
public record PromoRejection(Reason reason, String message) {

  public enum Reason {
    UNKNOWN("promo-code-unknown"),
    NOT_YET_VALID("promo-code-not-yet-valid"),
    EXPIRED("promo-code-expired"),
    NOT_YOURS("promo-code-not-yours"),
    USED("promo-code-used"),
    USED_BY_YOU("promo-code-used-by-you"),
    BELOW_MINIMUM("promo-code-below-minimum");

    private final String slug;

    Reason(String slug) {
      this.slug = slug;
    }

    public String slug() {
      return slug;
    }
  }

  public Conflict toError() {
    return new Conflict(reason.slug(), "The promo code cannot be used: " + message + ". Nothing was ordered.",
        List.of(new FieldError("promoCode", message)));
  }
}
