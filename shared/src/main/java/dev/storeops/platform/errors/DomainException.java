package dev.storeops.platform.errors;

import java.util.List;

/**
 * An expected failure of a business rule, in the shop's words: invalid input, something not found, a
 * conflict with the current state, a request that cannot be processed, a resource busy for now, or a caller without the right.
 * Domain code throws these; only the HTTP router maps them to problem+json ({@code
 * platform.http.Problems}), so SQS and scheduler paths never deal in HTTP status codes.
 */
public abstract sealed class DomainException extends RuntimeException
    permits Invalid, NotFound, Conflict, Unprocessable, Busy, Forbidden {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final transient List<FieldError> errors;

  protected DomainException(String code, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.code = code;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A stable machine-readable code (e.g. {@code insufficient-stock}); the problem type's slug. */
  public String code() {
    return code;
  }

  /** A human-readable explanation. */
  public String detail() {
    return getMessage();
  }

  /** The offending fields, if the failure is about particular fields. */
  public List<FieldError> errors() {
    return errors;
  }
}
