package dev.storeops.platform.retry;

import dev.storeops.platform.errors.Busy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one jittered back-off of storeops, used wherever a conditional write or transaction met another
 * writer on the same items and is decided again: the pause grows with the attempt and is random, so
 * racing writers do not collide in lockstep. (The SDK's own retry policy handles throttling and
 * transport errors; this is for business-level contention.)
 */
public final class Retry {
  /** Attempts a contended write gets before the caller gives up and answers "busy, try again". */
  public static final int ATTEMPTS = 5;

  private Retry() {}

  /** Sleeps a random 5 … 20 × {@code attempt} + 5 ms; an interrupted thread gets {@link Busy}. */
  public static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * Math.max(1, attempt) + 6));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("busy", "Interrupted while waiting to try again; repeat the request.");
    }
  }
}
