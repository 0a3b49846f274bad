package dev.storeops.messaging.sending;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.KeyRing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Unsubscribe tokens, opaque: {@code v2.<key id>.<sealed>}, where {@code sealed} is base64url (no
 * padding) of a random 12-byte nonce and the AES-256-GCM encryption of {@code <customerId>.<expiry
 * epoch seconds>} under a key derived from the key ring's key of that id ({@code "v2.<key id>"} is
 * authenticated too). Nothing in the token — in the mail, the {@code List-Unsubscribe} header or a
 * proxy's log — reveals the customer. The current key seals; the current and the previous key open
 * (rotation without breaking links in mail already sent).
 *
 * <p>Links mailed before (format {@code <customerId>.<expiry>.<HMAC-SHA256 base64url>}) keep working
 * until they expire: they verify against the current or the previous key's secret. Plain Java;
 * comparisons are constant-time.
 */
public final class UnsubscribeTokens {
  /** How long an unsubscribe link in a sent mail keeps working. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);
  private static final String VERSION = "v2";
  private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private final KeyRing keys;

  /** One key, id {@code k1} (no rotation in progress). */
  public UnsubscribeTokens(String secret) {
    this(KeyRing.single("k1", secret));
  }

  public UnsubscribeTokens(KeyRing keys) {
    this.keys = keys;
  }

  /**
   * The unsubscribe keys from the environment: {@code UNSUBSCRIBE_SECRET} with id {@code
   * UNSUBSCRIBE_KEY_ID} (default {@code k1}) seals; {@code UNSUBSCRIBE_PREVIOUS_SECRET} with id {@code
   * UNSUBSCRIBE_PREVIOUS_KEY_ID} (both optional) still opens.
   */
  public static UnsubscribeTokens from(Env env) {
    return new UnsubscribeTokens(KeyRing.of(env.optional("UNSUBSCRIBE_KEY_ID", "k1"), env.required("UNSUBSCRIBE_SECRET"),
        env.optional("UNSUBSCRIBE_PREVIOUS_KEY_ID", "k0"), env.optional("UNSUBSCRIBE_PREVIOUS_SECRET", null)));
  }

  /** Why a token is refused. */
  public enum Failure { MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED }

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

  /** A verified token: whose it is, the id of the key that made it, and whether it is an old-format link. */
  public record Verified(String customerId, String keyId, boolean legacy) {}

  /** A new opaque token, sealed with the current key. */
  public String sign(String customerId, Instant expiresAt) {
    checkCustomerId(customerId);
    KeyRing.Key key = keys.current();
    String header = VERSION + "." + key.id();
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, aesKey(key), new GCMParameterSpec(128, nonce));
      cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal((customerId + "." + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
      return header + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * A token in the format mailed before opaque tokens ({@code <customerId>.<expiry>.<signature>}),
   * signed with the current key's secret: what the links in old mail look like (tests, support tools).
   */
  public String signLegacy(String customerId, Instant expiresAt) {
    checkCustomerId(customerId);
    String payload = customerId + "." + expiresAt.getEpochSecond();
    return payload + "." + hmac(keys.current().secret(), payload);
  }

  /** The customer id of a valid token; {@link InvalidTokenException} otherwise. */
  public String verify(String token, Instant now) {
    return open(token, now).customerId();
  }

  /** The verified token; {@link InvalidTokenException} for a malformed, forged, unknown-key or expired one. */
  public Verified open(String token, Instant now) {
    if (token == null || token.length() > 300) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    return VERSION.equals(parts[0]) ? openSealed(parts, now) : openLegacy(parts, now);
  }

  private Verified openSealed(String[] parts, Instant now) {
    KeyRing.Key key = keys.byId(parts[1]).orElseThrow(() -> new InvalidTokenException(Failure.UNKNOWN_KEY));
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    if (all.length < 12 + 16 + 3) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    String plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, aesKey(key), new GCMParameterSpec(128, all, 0, 12));
      cipher.updateAAD((VERSION + "." + key.id()).getBytes(StandardCharsets.US_ASCII));
      plain = new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new InvalidTokenException(Failure.BAD_SIGNATURE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
    int dot = plain.lastIndexOf('.');
    if (dot <= 0 || !plain.substring(dot + 1).matches("[0-9]{1,12}")) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    checkExpiry(plain.substring(dot + 1), now);
    return new Verified(plain.substring(0, dot), key.id(), false);
  }

  private Verified openLegacy(String[] parts, Instant now) {
    if (!CUSTOMER_ID.matcher(parts[0]).matches() || !parts[1].matches("[0-9]{1,12}")) {
      throw new InvalidTokenException(Failure.MALFORMED);
    }
    String payload = parts[0] + "." + parts[1];
    byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
    for (KeyRing.Key key : keys.verifying()) {
      if (MessageDigest.isEqual(hmac(key.secret(), payload).getBytes(StandardCharsets.US_ASCII), given)) {
        checkExpiry(parts[1], now);
        return new Verified(parts[0], key.id(), true);
      }
    }
    throw new InvalidTokenException(Failure.BAD_SIGNATURE);
  }

  private static void checkExpiry(String epochSeconds, Instant now) {
    if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(epochSeconds)))) {
      throw new InvalidTokenException(Failure.EXPIRED);
    }
  }

  private static void checkCustomerId(String customerId) {
    if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
      throw new IllegalArgumentException("customer id cannot be put in a token: " + customerId);
    }
  }

  private static SecretKeySpec aesKey(KeyRing.Key key) {
    try {
      return new SecretKeySpec(MessageDigest.getInstance("SHA-256")
          .digest(("storeops-unsubscribe-token|" + key.secret()).getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
