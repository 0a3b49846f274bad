package dev.storeops.stockimport.core;

/** The file (or its profile) cannot be imported; the message goes into the report as the reason. */
public class BadInputException extends RuntimeException {
  public BadInputException(String reason) {
    super(reason);
  }

  public BadInputException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
