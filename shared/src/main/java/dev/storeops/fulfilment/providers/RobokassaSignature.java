package dev.storeops.fulfilment.providers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Robokassa's signatures, as its documentation defines them: the hash (algorithm chosen in the shop's
 * technical settings: MD5, SHA1, SHA256, SHA384 or SHA512) of the values joined by {@code :}, with the
 * shop's own {@code Shp_…} parameters appended as {@code Shp_name=value} in alphabetical order.
 * <ul>
 *   <li>payment link: {@code MerchantLogin:OutSum:InvId:Password#1[:Shp_…]} ({@code InvId} empty when
 *       Robokassa numbers the invoice itself);</li>
 *   <li>ResultURL notification: {@code OutSum:InvId:Password#2[:Shp_…]}, with {@code OutSum} and
 *       {@code InvId} exactly as Robokassa sent them.</li>
 * </ul>
 * The comparison is case-insensitive (Robokassa sends upper-case hex) and in constant time.
 */
public final class RobokassaSignature {
  /** The hash algorithms Robokassa offers, by the name its settings page shows. */
  public enum Algorithm {
    MD5("MD5"), SHA1("SHA-1"), SHA256("SHA-256"), SHA384("SHA-384"), SHA512("SHA-512");

    private final String jca;

    Algorithm(String jca) {
      this.jca = jca;
    }

    public static Algorithm parse(String name) {
      String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "");
      try {
        return valueOf(n);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("ROBOKASSA_HASH must be MD5, SHA1, SHA256, SHA384 or SHA512, not " + name, e);
      }
    }
  }

  private final Algorithm algorithm;

  public RobokassaSignature(Algorithm algorithm) {
    this.algorithm = algorithm;
  }

  /** The payment link's {@code SignatureValue} (lower-case hex). */
  public String payment(String merchantLogin, String outSum, String invId, String password1, Map<String, String> shp) {
    return hash(merchantLogin + ":" + outSum + ":" + (invId == null ? "" : invId) + ":" + password1 + shp(shp));
  }

  /** The signature Robokassa must have put on a ResultURL notification (lower-case hex). */
  public String result(String outSum, String invId, String password2, Map<String, String> shp) {
    return hash(outSum + ":" + invId + ":" + password2 + shp(shp));
  }

  /** Whether {@code signatureValue} is the ResultURL signature of these values. */
  public boolean resultValid(String outSum, String invId, String password2, Map<String, String> shp,
      String signatureValue) {
    if (signatureValue == null) {
      return false;
    }
    byte[] expected = result(outSum, invId, password2, shp).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signatureValue.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private static String shp(Map<String, String> shp) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(shp).forEach((k, v) -> b.append(':').append(k).append('=').append(v));
    return b.toString();
  }

  private String hash(String base) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.jca)
          .digest(base.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
