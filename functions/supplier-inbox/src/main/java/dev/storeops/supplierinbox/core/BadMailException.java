package dev.storeops.supplierinbox.core;

/** The raw message is not an e-mail the intake can read (the reason is written into its quarantine report). */
public final class BadMailException extends RuntimeException {
  public BadMailException(String message) {
    super(message);
  }
}
