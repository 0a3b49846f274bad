package dev.storeops.fulfilment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.storeops.platform.config.KeyRing;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment provider's webhook signature: header {@code X-Signature: t=<unix seconds>,v1=<hex>},
 * where {@code v1} is HMAC-SHA256 over {@code "<t>.<raw body>"} with the shared secret. A signature
 * is accepted only when it matches (compared in constant time) and {@code t} is within the
 * tolerance of now (5 minutes by default, either way: old deliveries are replays).
 *
 * <p>Rotation: the signature is checked against the current and the previous secret of the {@link
 * KeyRing}, so deliveries signed before the provider switched keep being accepted; a header may carry
 * several {@code v1} values (providers sign with both secrets while rotating) and one match is enough.
 */
public final class WebhookSignature {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  private final KeyRing keys;
  private final Clock clock;
  private final Duration tolerance;

  /** Why a signature was refused; never says which part of the secret matched. */
  public enum Verdict { VALID, MISSING, MALFORMED, EXPIRED, MISMATCH }

  /** One secret, id {@code k1}. */
  public WebhookSignature(String secret, Clock clock, Duration tolerance) {
    this(KeyRing.single("k1", secret), clock, tolerance);
  }

  public WebhookSignature(KeyRing keys, Clock clock, Duration tolerance) {
    this.keys = keys;
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /** The id of the current secret (a match with another one means the provider still uses the previous). */
  public String currentKeyId() {
    return keys.current().id();
  }

  /** The verdict and, when valid, the id of the key that matched. */
  public record Check(Verdict verdict, String keyId) {}

  public Verdict verify(String header, byte[] rawBody) {
    return check(header, rawBody).verdict();
  }

  public Check check(String header, byte[] rawBody) {
    if (header == null || header.isBlank()) {
      return new Check(Verdict.MISSING, null);
    }
    Long timestamp = null;
    List<String> v1 = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        return new Check(Verdict.MALFORMED, null);
      }
      if (kv[0].equals("t")) {
        try {
          timestamp = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return new Check(Verdict.MALFORMED, null);
        }
      } else if (kv[0].equals("v1")) {
        v1.add(kv[1]);
      }
    }
    if (timestamp == null || v1.isEmpty() || v1.size() > 4) {
      return new Check(Verdict.MALFORMED, null);
    }
    long age = clock.instant().getEpochSecond() - timestamp;
    if (Math.abs(age) > tolerance.toSeconds()) {
      return new Check(Verdict.EXPIRED, null);
    }
    List<byte[]> given = new ArrayList<>();
    try {
      for (String hex : v1) {
        given.add(HexFormat.of().parseHex(hex));
      }
    } catch (IllegalArgumentException e) {
      return new Check(Verdict.MALFORMED, null);
    }
    for (KeyRing.Key key : keys.verifying()) {
      byte[] expected = hmac(key.secret(), timestamp, rawBody);
      for (byte[] g : given) {
        if (MessageDigest.isEqual(g, expected)) {
          return new Check(Verdict.VALID, key.id());
        }
      }
    }
    return new Check(Verdict.MISMATCH, null);
  }

  /** The header value a provider would send for this body at this time, with the current secret (tests, tools). */
  public String sign(long timestamp, byte[] rawBody) {
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(keys.current().secret(), timestamp, rawBody));
  }

  private static byte[] hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
