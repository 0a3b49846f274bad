package dev.storeops.ordering;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import dev.storeops.platform.ids.TokenHash;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes and seals for order access tokens and idempotency keys. The order stores only the token's
 * SHA-256; the idempotency record stores the token sealed (AES-GCM) under a key derived from the
 * client's Idempotency-Key, whose own hash is the record's key: the table alone reveals neither, and
 * a replay with the right key returns the same token.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  public static String sha256Hex(String value) {
    return TokenHash.of(value);
  }

  public static byte[] sha256(byte[] value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time check of a presented token against a stored hash. */
  public static boolean matches(String token, String storedHash) {
    return TokenHash.matches(token, storedHash);
  }

  public static String seal(String secret, String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(secret), new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String open(String secret, String sealed) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(secret), new GCMParameterSpec(128, all, 0, 12));
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealed token does not open with this key", e);
    }
  }

  private static SecretKeySpec key(String secret) {
    return new SecretKeySpec(sha256(("storeops-order-token|" + secret).getBytes(StandardCharsets.UTF_8)), "AES");
  }
}
