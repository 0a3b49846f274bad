package dev.storeops.messaging.sending;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe tokens: {@code <customerId>.<expiry epoch seconds>.<signature>}, the
 * signature being HMAC-SHA256 over {@code <customerId>.<expiry>} with the UnsubscribeSecret, base64url
 * without padding. Plain Java; verification is constant-time.
 */
public final class UnsubscribeTokens {
  /** How long an unsubscribe link in a sent mail keeps working. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
  private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private final byte[] secret;

  public UnsubscribeTokens(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the unsubscribe secret must have at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** Why a token is refused. */
  public enum Failure { MALFORMED, BAD_SIGNATURE, EXPIRED }

  /** A token that does not verify. */
  public static final class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Failure failure;

    public InvalidTokenException(Failure failure) {
      super("unsubscribe token refused: " + failure, null, false, false);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  public String sign(String customerId, Instant expiresAt) {
    if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
      throw new IllegalArgumentException("customer id cannot be put in a token: " + customerId);
    }
    String payload = customerId + "." + expiresAt.getEpochSecond();
    return payload + "." + signature(payload);
  }

  /** The customer id of a valid token; {@link InvalidTokenException} otherwise. */
  public String verify(String token, Instant now) {
    if (token == null || token.length() > 200) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !CUSTOMER_ID.matcher(parts[0]).matches() || !parts[1].matches("[0-9]{1,12}")) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    String payload = parts[0] + "." + parts[1];
    byte[] expected = signature(payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw new InvalidTokenException(Failure.BAD_SIGNATURE);
    }
    if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
      throw new InvalidTokenException(Failure.EXPIRED);
    }
    return parts[0];
  }

  private String signature(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
