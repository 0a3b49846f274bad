package dev.storeops.platform.errors;

/** Something the caller named does not exist (or is not theirs to see). */
public final class NotFound extends DomainException {
  private static final long serialVersionUID = 1L;

  /** @param what what was looked for, e.g. {@code "Order ord_1"} */
  public NotFound(String what) {
    super("not-found", what + " was not found.", null);
  }
}
