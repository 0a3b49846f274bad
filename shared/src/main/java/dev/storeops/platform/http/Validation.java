package dev.storeops.platform.http;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so one response lists every offending field, not just the first. */
public final class Validation {
  private final List<Problem.FieldError> errors = new ArrayList<>();

  public Validation error(String field, String message) {
    errors.add(new Problem.FieldError(field, message));
    return this;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<Problem.FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Throws a 400 listing every error collected, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw ApiException.badRequest("The request has invalid fields.", errors);
    }
  }
}
