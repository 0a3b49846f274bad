package dev.storeops.platform.errors;

import java.util.List;

/** The caller is known but may not do this (e.g. a manager acting on another manager's order). */
public final class Forbidden extends DomainException {
  private static final long serialVersionUID = 1L;

  public Forbidden(String code, String detail, List<FieldError> errors) {
    super(code, detail, errors);
  }
}
