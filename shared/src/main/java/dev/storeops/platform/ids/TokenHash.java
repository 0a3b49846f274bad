package dev.storeops.platform.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way a bearer token (order, customer, cart, consent link) is kept: only its SHA-256 (hex) is
 * stored, and a presented token is compared with it in constant time. The tokens are random (
 * {@link Ids#token}), so a plain hash is enough: the table alone never lets anyone act as the holder.
 */
public final class TokenHash {
  private TokenHash() {}

  public static String of(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code token} is the one whose hash is {@code storedHash}; false when either is missing. */
  public static boolean matches(String token, String storedHash) {
    if (token == null || token.isBlank() || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(of(token).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
