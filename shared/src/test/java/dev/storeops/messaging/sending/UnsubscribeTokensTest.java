package dev.storeops.messaging.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.config.KeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final String OLD_SECRET = "a-secret-of-at-least-16-chars";
  private static final String NEW_SECRET = "the-next-secret-of-at-least-16-chars";
  private final UnsubscribeTokens tokens = new UnsubscribeTokens(KeyRing.single("k1", OLD_SECRET));
  private final UnsubscribeTokens rotated = new UnsubscribeTokens(KeyRing.of("k2", NEW_SECRET, "k1", OLD_SECRET));

  private UnsubscribeTokens.Failure failure(UnsubscribeTokens t, String token, Instant at) {
    return assertThrows(UnsubscribeTokens.InvalidTokenException.class, () -> t.verify(token, at)).failure();
  }

  private UnsubscribeTokens.Failure failure(String token, Instant at) {
    return failure(tokens, token, at);
  }

  @Test
  void aSignedTokenVerifiesToItsCustomerUntilItExpires() {
    String token = tokens.sign("cus_01abc", NOW.plus(Duration.ofDays(1)));
    assertEquals("cus_01abc", tokens.verify(token, NOW));
    assertEquals("cus_01abc", tokens.verify(token, NOW.plus(Duration.ofDays(1)).minusSeconds(1)));
    assertEquals(UnsubscribeTokens.Failure.EXPIRED, failure(token, NOW.plus(Duration.ofDays(1))));
  }

  @Test
  void theTokenIsOpaqueAndNamesItsKey() {
    String token = tokens.sign("cus_01abc", Instant.ofEpochSecond(1_900_000_000L));
    String[] parts = token.split("\\.");
    assertEquals("v2", parts[0]);
    assertEquals("k1", parts[1], "the key id");
    assertFalse(token.contains("cus_01abc"), token);
    assertFalse(token.contains("1900000000"), token);
    String decoded = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.ISO_8859_1);
    assertFalse(decoded.contains("cus_01abc"), "not readable after base64 either");
    assertNotEquals(token, tokens.sign("cus_01abc", Instant.ofEpochSecond(1_900_000_000L)), "a fresh nonce each time");
  }

  @Test
  void tamperedTokensAreRefused() {
    String token = tokens.sign("cus_01abc", NOW.plus(Duration.ofDays(1)));
    String[] p = token.split("\\.");
    char c = p[2].charAt(20);
    String flipped = p[2].substring(0, 20) + (c == 'A' ? 'B' : 'A') + p[2].substring(21);
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure("v2.k1." + flipped, NOW));
  }

  @Test
  void theCurrentAndThePreviousKeyAreAcceptedAnUnknownKeyIsNot() {
    String madeWithOld = tokens.sign("cus_01abc", NOW.plusSeconds(60));
    assertEquals(new UnsubscribeTokens.Verified("cus_01abc", "k1", false), rotated.open(madeWithOld, NOW),
        "a link mailed before the rotation still works");
    String madeWithNew = rotated.sign("cus_01abc", NOW.plusSeconds(60));
    assertTrue(madeWithNew.startsWith("v2.k2."), "the current key seals");
    assertEquals("cus_01abc", rotated.verify(madeWithNew, NOW));

    UnsubscribeTokens afterNextRotation = new UnsubscribeTokens(KeyRing.of("k3", "yet-another-secret-0123456789", "k2", NEW_SECRET));
    assertEquals(UnsubscribeTokens.Failure.UNKNOWN_KEY, failure(afterNextRotation, madeWithOld, NOW),
        "k1 is retired two rotations later");
    String forgedId = madeWithOld.replace("v2.k1.", "v2.k2.");
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure(rotated, forgedId, NOW), "the key id is authenticated");
  }

  @Test
  void oldFormatLinksKeepWorkingWithTheCurrentOrPreviousSecret() {
    String legacy = tokens.signLegacy("cus_01abc", NOW.plus(Duration.ofDays(1)));
    assertTrue(legacy.startsWith("cus_01abc."), "the old format, as in mail sent before");
    assertEquals(new UnsubscribeTokens.Verified("cus_01abc", "k1", true), tokens.open(legacy, NOW));
    assertEquals(new UnsubscribeTokens.Verified("cus_01abc", "k1", true), rotated.open(legacy, NOW),
        "after a rotation the old secret is the previous key");
    String[] p = legacy.split("\\.");
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure("cus_01abd." + p[1] + "." + p[2], NOW));
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE,
        failure(p[0] + "." + (Long.parseLong(p[1]) + 86_400 * 365) + "." + p[2], NOW));
    assertEquals(UnsubscribeTokens.Failure.EXPIRED, failure(legacy, NOW.plus(Duration.ofDays(2))));
  }

  @Test
  void anotherSecretsTokenIsRefused() {
    String foreign = new UnsubscribeTokens("another-secret-0123456789").sign("cus_01abc", NOW.plusSeconds(60));
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure(foreign, NOW));
    String foreignLegacy = new UnsubscribeTokens("another-secret-0123456789").signLegacy("cus_01abc", NOW.plusSeconds(60));
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure(foreignLegacy, NOW));
  }

  @Test
  void malformedTokensAreRefused() {
    for (String bad : new String[] {null, "", "abc", "a.b", "cus_1.notanumber.sig", "cus 1.123.sig", "a.1.b.c",
        "v2.k1.!!!", "v2.k1.AAAA", "x".repeat(400)}) {
      assertEquals(UnsubscribeTokens.Failure.MALFORMED, failure(bad, NOW), String.valueOf(bad));
    }
  }

  @Test
  void shortSecretsAndDuplicateKeyIdsAreRejectedAtStart() {
    assertThrows(IllegalArgumentException.class, () -> new UnsubscribeTokens("short"));
    assertThrows(IllegalArgumentException.class, () -> KeyRing.of("k1", OLD_SECRET, "k1", NEW_SECRET));
    assertThrows(IllegalArgumentException.class, () -> KeyRing.of("bad id!", OLD_SECRET, null, null));
  }
}
