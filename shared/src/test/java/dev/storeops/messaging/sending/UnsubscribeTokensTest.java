package dev.storeops.messaging.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final UnsubscribeTokens tokens = new UnsubscribeTokens("a-secret-of-at-least-16-chars");

  private UnsubscribeTokens.Failure failure(String token, Instant at) {
    return assertThrows(UnsubscribeTokens.InvalidTokenException.class, () -> tokens.verify(token, at)).failure();
  }

  @Test
  void aSignedTokenVerifiesToItsCustomerUntilItExpires() {
    String token = tokens.sign("cus_01abc", NOW.plus(Duration.ofDays(1)));
    assertEquals("cus_01abc", tokens.verify(token, NOW));
    assertEquals("cus_01abc", tokens.verify(token, NOW.plus(Duration.ofDays(1)).minusSeconds(1)));
    assertEquals(UnsubscribeTokens.Failure.EXPIRED, failure(token, NOW.plus(Duration.ofDays(1))));
  }

  @Test
  void tokenHoldsCustomerExpiryAndSignature() {
    String token = tokens.sign("cus_01abc", Instant.ofEpochSecond(1_900_000_000L));
    String[] parts = token.split("\\.");
    assertEquals("cus_01abc", parts[0]);
    assertEquals("1900000000", parts[1]);
    assertEquals(43, parts[2].length(), "base64url of 32 bytes, no padding");
  }

  @Test
  void tamperedCustomerExpiryOrSignatureIsRefused() {
    String token = tokens.sign("cus_01abc", NOW.plus(Duration.ofDays(1)));
    String[] p = token.split("\\.");
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure("cus_01abd." + p[1] + "." + p[2], NOW));
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE,
        failure(p[0] + "." + (Long.parseLong(p[1]) + 86_400 * 365) + "." + p[2], NOW));
    char last = p[2].charAt(p[2].length() - 1);
    String otherSig = p[2].substring(0, p[2].length() - 1) + (last == 'A' ? 'B' : 'A');
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure(p[0] + "." + p[1] + "." + otherSig, NOW));
  }

  @Test
  void anotherSecretsTokenIsRefused() {
    String foreign = new UnsubscribeTokens("another-secret-0123456789").sign("cus_01abc", NOW.plusSeconds(60));
    assertEquals(UnsubscribeTokens.Failure.BAD_SIGNATURE, failure(foreign, NOW));
    assertNotEquals(foreign, tokens.sign("cus_01abc", NOW.plusSeconds(60)));
  }

  @Test
  void malformedTokensAreRefused() {
    for (String bad : new String[] {null, "", "abc", "a.b", "cus_1.notanumber.sig", "cus 1.123.sig", "a.1.b.c",
        "x".repeat(300)}) {
      assertEquals(UnsubscribeTokens.Failure.MALFORMED, failure(bad, NOW), String.valueOf(bad));
    }
  }

  @Test
  void aShortSecretIsRejectedAtStart() {
    assertThrows(IllegalArgumentException.class, () -> new UnsubscribeTokens("short"));
  }
}
