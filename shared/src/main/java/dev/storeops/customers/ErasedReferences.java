package dev.storeops.customers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an erasure leaves in place of personal data (docs/privacy.md): the anonymous reference that
 * replaces the customer id on kept records, the hash that replaces an e-mail address on the
 * suppression list, and the text that replaces free text written about the customer. Plain Java.
 */
public final class ErasedReferences {
  /** Replaces free text about the customer (call reasons, status-change reasons, task comments). */
  public static final String REDACTED = "[erased]";
  private static final String REFERENCE_PREFIX = "erased-";

  private ErasedReferences() {}

  /**
   * The reference that replaces {@code customerId} on the records kept for accounting: {@code
   * erased-} + the first 16 hex digits of SHA-256 of the id. The same for every record of the customer
   * (their orders stay grouped) and the same on every run (a repeated or resumed erasure writes the same).
   */
  public static String reference(String customerId) {
    return REFERENCE_PREFIX + sha256Hex("customer|" + customerId).substring(0, 16);
  }

  public static boolean isReference(String customerId) {
    return customerId != null && customerId.startsWith(REFERENCE_PREFIX);
  }

  /** The hash kept on the suppression list for an erased address: SHA-256 (hex) of the trimmed, lower-case address. */
  public static String addressHash(String email) {
    return sha256Hex(Customer.emailKey(email));
  }

  /** {@link #REDACTED} for text that was there, null for none. */
  public static String redact(String text) {
    return text == null ? null : REDACTED;
  }

  private static String sha256Hex(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
