package dev.storeops.platform.errors;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so one failure lists every offending field, not just the first. */
public final class Validation {
  private final List<FieldError> errors = new ArrayList<>();

  public Validation error(String field, String message) {
    errors.add(new FieldError(field, message));
    return this;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Throws {@link Invalid} listing every error collected, if any. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new Invalid("The request has invalid fields.", errors);
    }
  }
}
