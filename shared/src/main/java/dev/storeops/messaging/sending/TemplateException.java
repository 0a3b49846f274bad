package dev.storeops.messaging.sending;

/** A template is missing, malformed or lacks a variable: the mail cannot be rendered (never half-sent). */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
