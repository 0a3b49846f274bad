package dev.storeops.platform.errors;

/** Well-formed input that cannot be processed as asked (a reused idempotency key, a template that does not render). */
public final class Unprocessable extends DomainException {
  private static final long serialVersionUID = 1L;

  public Unprocessable(String code, String detail) {
    super(code, detail, null);
  }
}
