package dev.storeops.platform.ids;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Identifiers that sort by creation time and cannot be guessed: a prefix, 10 characters of
 * millisecond time and 16 random characters, in Crockford's base32 (lower case).
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId(String prefix, Clock clock) {
    StringBuilder id = new StringBuilder(prefix.length() + 27).append(prefix).append('_');
    long time = clock.millis();
    char[] timePart = new char[10];
    for (int i = 9; i >= 0; i--) {
      timePart[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    id.append(timePart);
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    long bits = 0;
    int have = 0;
    for (byte b : random) {
      bits = (bits << 8) | (b & 0xff);
      have += 8;
      while (have >= 5) {
        id.append(ALPHABET[(int) ((bits >>> (have - 5)) & 31)]);
        have -= 5;
      }
    }
    return id.toString();
  }

  /** A random token of {@code bytes} bytes, URL-safe. */
  public static String token(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
