package dev.storeops.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.config.KeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "whsec-0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);
  private final WebhookSignature signature =
      new WebhookSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC), WebhookSignature.DEFAULT_TOLERANCE);

  @Test
  void acceptsASignatureMadeWithTheSecretWithinFiveMinutes() {
    String header = signature.sign(NOW.getEpochSecond() - 299, BODY);
    assertEquals(WebhookSignature.Verdict.VALID, signature.verify(header, BODY));
  }

  @Test
  void matchesAnIndependentHmacComputation() {
    // echo -n '1795428000.{"id":"evt_1","type":"succeeded"}' | openssl dgst -sha256 -hmac whsec-0123456789abcdef
    assertEquals("t=1795428000,v1=5d86af008bddd11ed0ffd4030186ca3d2711b1ac671335629ef6be84145b7425",
        signature.sign(1795428000L, BODY));
  }

  @Test
  void refusesOldOrFutureTimestamps() {
    assertEquals(WebhookSignature.Verdict.EXPIRED, signature.verify(signature.sign(NOW.getEpochSecond() - 301, BODY), BODY));
    assertEquals(WebhookSignature.Verdict.EXPIRED, signature.verify(signature.sign(NOW.getEpochSecond() + 301, BODY), BODY));
  }

  @Test
  void refusesATamperedBodyOrAnotherSecret() {
    String header = signature.sign(NOW.getEpochSecond(), BODY);
    assertEquals(WebhookSignature.Verdict.MISMATCH, signature.verify(header, "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8)));
    WebhookSignature other = new WebhookSignature("another-secret-0123456789", Clock.fixed(NOW, ZoneOffset.UTC),
        WebhookSignature.DEFAULT_TOLERANCE);
    assertEquals(WebhookSignature.Verdict.MISMATCH, other.verify(header, BODY));
  }

  @Test
  void refusesMissingAndMalformedHeaders() {
    assertEquals(WebhookSignature.Verdict.MISSING, signature.verify(null, BODY));
    assertEquals(WebhookSignature.Verdict.MISSING, signature.verify(" ", BODY));
    assertEquals(WebhookSignature.Verdict.MALFORMED, signature.verify("t=abc,v1=00", BODY));
    assertEquals(WebhookSignature.Verdict.MALFORMED, signature.verify("v1=00", BODY));
    assertEquals(WebhookSignature.Verdict.MALFORMED, signature.verify("t=" + NOW.getEpochSecond() + ",v1=zz", BODY));
    assertEquals(WebhookSignature.Verdict.MALFORMED, signature.verify("garbage", BODY));
  }

  @Test
  void duringARotationTheCurrentAndThePreviousSecretAreAcceptedAnotherIsNot() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    WebhookSignature rotated = new WebhookSignature(KeyRing.of("k2", "whsec-next-0123456789abcdef", "k1", SECRET),
        clock, WebhookSignature.DEFAULT_TOLERANCE);
    String byOld = signature.sign(NOW.getEpochSecond(), BODY);
    assertEquals(new WebhookSignature.Check(WebhookSignature.Verdict.VALID, "k1"), rotated.check(byOld, BODY));
    String byNew = rotated.sign(NOW.getEpochSecond(), BODY);
    assertEquals(new WebhookSignature.Check(WebhookSignature.Verdict.VALID, "k2"), rotated.check(byNew, BODY));
    assertEquals(WebhookSignature.Verdict.MISMATCH, signature.verify(byNew, BODY), "the old setup does not know k2");
    String byStranger = new WebhookSignature("stranger-0123456789abcdef", clock, WebhookSignature.DEFAULT_TOLERANCE)
        .sign(NOW.getEpochSecond(), BODY);
    assertEquals(WebhookSignature.Verdict.MISMATCH, rotated.verify(byStranger, BODY));
    // a provider that signs with both secrets while rotating: one matching v1 is enough
    String both = byStranger + "," + byOld.substring(byOld.indexOf("v1="));
    assertEquals(WebhookSignature.Verdict.VALID, rotated.verify(both, BODY));
    WebhookSignature retired = new WebhookSignature(KeyRing.single("k2", "whsec-next-0123456789abcdef"), clock,
        WebhookSignature.DEFAULT_TOLERANCE);
    assertEquals(WebhookSignature.Verdict.MISMATCH, retired.verify(byOld, BODY), "once the previous key is dropped");
  }

  @Test
  void aShortSecretIsRefusedAtStartUp() {
    assertThrows(IllegalArgumentException.class, () -> new WebhookSignature("short", Clock.systemUTC(),
        WebhookSignature.DEFAULT_TOLERANCE));
  }
}
