package dev.storeops.platform.errors;

/** Nothing is wrong with the request, but it could not be done now (contention, a queue down): try again. */
public final class Busy extends DomainException {
  private static final long serialVersionUID = 1L;

  public Busy(String code, String detail) {
    super(code, detail, null);
  }

  public Busy(String detail) {
    this("busy", detail);
  }
}
