package dev.storeops.platform.errors;

import java.util.List;

/** Input that breaks a rule: lists every offending field. */
public final class Invalid extends DomainException {
  private static final long serialVersionUID = 1L;

  public Invalid(String detail, List<FieldError> errors) {
    super("validation", detail, errors);
  }

  /** One offending field. */
  public static Invalid field(String field, String message) {
    return new Invalid("The request has invalid fields.", List.of(new FieldError(field, message)));
  }
}
