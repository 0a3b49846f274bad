package dev.storeops.stockimport.core;

import java.time.Duration;
import java.time.Instant;

/** Makes an S3 object's import happen once however often its event is delivered. */
public interface ImportLedger {
  enum Claim { ACQUIRED, DONE, BUSY }

  /** Claims the import {@code id}: ACQUIRED for the first caller (or when an earlier claim's lease ran out). */
  Claim claim(String id, Instant now, Duration lease);

  void complete(String id, String status, String reportKey, Instant now);

  /** Gives the claim up after a failure, so the retried event can run it again. */
  void release(String id);
}
