package dev.storeops.messaging;

/** The per-flow mail figures, each an attribute of the flow's counter items. */
public enum Figure {
  /** Intents a planner put on the e-mail queue. */
  PLANNED("planned"),
  SENT("sent"),
  SKIPPED_NO_CONSENT("skippedNoConsent"),
  SKIPPED_SUPPRESSED("skippedSuppressed"),
  SKIPPED_CAPPED("skippedCapped"),
  SKIPPED_DUPLICATE("skippedDuplicate"),
  /** An attempt that failed and will be retried (throttling, a passing error). */
  RETRIED("retried"),
  /** The last attempt failed: the message goes to the DLQ. */
  FAILED("failed"),
  /** The mail service refused the mail for good (recorded, not retried). */
  REJECTED("rejected");

  private final String attribute;

  Figure(String attribute) {
    this.attribute = attribute;
  }

  public String attribute() {
    return attribute;
  }
}
