package dev.storeops.supplierinbox.core;

import java.time.Instant;
import java.util.List;

/** Once per message: a claim on the message's id before its files are stored, finished with the outcome. */
public interface MailLedger {
  enum Claim { CLAIMED, DONE, BUSY }

  /** Claims the message; {@link Claim#DONE} when it was handled before, {@link Claim#BUSY} while another delivery works on it. */
  Claim claim(String mailId, String inboxKey, Instant now);

  void finish(String mailId, String status, List<String> keys, Instant now);

  /** Gives the claim back after a failure that is not the mail's fault, so the retry can take it. */
  void release(String mailId);
}
