package dev.storeops.messaging.sms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Local mode's SMS provider ({@code SmsProvider = local}): the SMS is not sent anywhere but kept in
 * memory, in order, for {@code GET /_local/sms} (local mode runs the functions in its own JVM), the way
 * the SES emulator keeps mail. Never used in AWS.
 */
public final class LocalSmsLog {
  /** One recorded SMS. */
  public record Sent(String id, Instant at, String phone, String sender, String text, int segments) {}

  private static final List<Sent> SENT = new ArrayList<>();
  private static final AtomicLong IDS = new AtomicLong();

  private LocalSmsLog() {}

  /** The provider that records. */
  public static SmsProvider provider() {
    return (phone, text, sender) -> {
      Sent s = new Sent("local-" + IDS.incrementAndGet(), Instant.now(), phone, sender, text, SmsTexts.segments(text));
      synchronized (SENT) {
        SENT.add(s);
      }
      return s.id();
    };
  }

  /** Everything recorded since start (or the last {@link #clear()}), oldest first. */
  public static List<Sent> sent() {
    synchronized (SENT) {
      return List.copyOf(SENT);
    }
  }

  public static void clear() {
    synchronized (SENT) {
      SENT.clear();
    }
  }
}
