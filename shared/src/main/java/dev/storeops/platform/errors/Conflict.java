package dev.storeops.platform.errors;

import java.util.List;

/** The request conflicts with the current state (stock gone, an illegal status move, a duplicate). */
public final class Conflict extends DomainException {
  private static final long serialVersionUID = 1L;

  public Conflict(String code, String detail, List<FieldError> errors) {
    super(code, detail, errors);
  }
}
