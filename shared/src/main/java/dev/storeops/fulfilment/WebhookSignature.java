package dev.storeops.fulfilment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment provider's webhook signature: header {@code X-Signature: t=<unix seconds>,v1=<hex>},
 * where {@code v1} is HMAC-SHA256 over {@code "<t>.<raw body>"} with the shared secret. A signature
 * is accepted only when it matches (compared in constant time) and {@code t} is within the
 * tolerance of now (5 minutes by default, either way: old deliveries are replays).
 */
public final class WebhookSignature {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  private final byte[] secret;
  private final Clock clock;
  private final Duration tolerance;

  /** Why a signature was refused; never says which part of the secret matched. */
  public enum Verdict { VALID, MISSING, MALFORMED, EXPIRED, MISMATCH }

  public WebhookSignature(String secret, Clock clock, Duration tolerance) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the webhook secret must have at least 16 characters");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.tolerance = tolerance;
  }

  public Verdict verify(String header, byte[] rawBody) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    Long timestamp = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length != 2) {
        return Verdict.MALFORMED;
      }
      if (kv[0].equals("t")) {
        try {
          timestamp = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return Verdict.MALFORMED;
        }
      } else if (kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (timestamp == null || v1 == null) {
      return Verdict.MALFORMED;
    }
    long age = clock.instant().getEpochSecond() - timestamp;
    if (Math.abs(age) > tolerance.toSeconds()) {
      return Verdict.EXPIRED;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(v1);
    } catch (IllegalArgumentException e) {
      return Verdict.MALFORMED;
    }
    return MessageDigest.isEqual(given, hmac(timestamp, rawBody)) ? Verdict.VALID : Verdict.MISMATCH;
  }

  /** The header value a provider would send for this body at this time (for tests and tools). */
  public String sign(long timestamp, byte[] rawBody) {
    return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(timestamp, rawBody));
  }

  private byte[] hmac(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
