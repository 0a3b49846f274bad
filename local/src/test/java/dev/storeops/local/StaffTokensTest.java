package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffTokensTest {
  private final byte[] key = new byte[32];
  private final Clock now = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  private final StaffTokens tokens = new StaffTokens(key, now);

  @Test
  void aMintedTokenVerifiesWithItsClaimsAsStrings() throws Exception {
    var claims = tokens.verify(tokens.mint("mgr-olga", List.of("manager", "owner"), Duration.ofHours(1)));
    assertEquals("mgr-olga", claims.get("sub"));
    assertEquals(StaffTokens.ISSUER, claims.get("iss"));
    // as API Gateway hands an array claim to the function: brackets, space-separated
    assertEquals("[manager owner]", claims.get("cognito:groups"));
    assertEquals(java.util.Set.of("manager", "owner"), dev.storeops.platform.http.StaffPrincipal.groups(claims.get("cognito:groups")));
    assertEquals(Long.toString(now.instant().getEpochSecond() + 3600), claims.get("exp"));
  }

  @Test
  void expiredTokensAreRefused() {
    String token = tokens.mint("mgr-olga", List.of("manager"), Duration.ofHours(1));
    StaffTokens later = new StaffTokens(key, Clock.offset(now, Duration.ofHours(2)));
    var e = assertThrows(StaffTokens.InvalidToken.class, () -> later.verify(token));
    assertEquals("expired", e.getMessage());
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    byte[] other = Arrays.copyOf(key, 32);
    other[0] = 1;
    String token = new StaffTokens(other, now).mint("mgr-olga", List.of("manager"), Duration.ofHours(1));
    assertEquals("bad signature", assertThrows(StaffTokens.InvalidToken.class, () -> tokens.verify(token)).getMessage());
  }

  @Test
  void garbageIsRefused() {
    assertThrows(StaffTokens.InvalidToken.class, () -> tokens.verify("abc"));
    assertThrows(StaffTokens.InvalidToken.class, () -> tokens.verify("a.b.c"));
    assertThrows(StaffTokens.InvalidToken.class, () -> tokens.verify(null));
    String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
    assertThrows(StaffTokens.InvalidToken.class, () -> tokens.verify(unsigned));
  }
}
