package dev.storeops.ordering;

import dev.storeops.catalog.Money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MoneyAndTokensTest {
  @Test
  void rublesAreGroupedWithSpacesAndAComma() {
    assertEquals("1 234,50 ₽", Money.rub(123450));
    assertEquals("0,05 ₽", Money.rub(5));
    assertEquals("12 345 678,00 ₽", Money.rub(1234567800));
    assertEquals("999,99 ₽", Money.rub(99999));
  }

  @Test
  void tokensAreCheckedByHashAndSealedByTheKey() {
    String hash = Tokens.sha256Hex("secret-token");
    assertTrue(Tokens.matches("secret-token", hash));
    assertFalse(Tokens.matches("other", hash));
    assertFalse(Tokens.matches(null, hash));
    String sealed = Tokens.seal("idem-key-1", "secret-token");
    assertFalse(sealed.contains("secret-token"));
    assertEquals("secret-token", Tokens.open("idem-key-1", sealed));
    assertThrows(IllegalStateException.class, () -> Tokens.open("idem-key-2", sealed));
  }

  @Test
  void theRequestHashIgnoresFormattingAndKeyOrder() {
    String a = OrderService.requestHash("{\"a\":1,\"b\":{\"x\":[1,2]}}".getBytes(StandardCharsets.UTF_8));
    String b = OrderService.requestHash("{ \"b\" : {\"x\":[1, 2]},\n \"a\":1 }".getBytes(StandardCharsets.UTF_8));
    String c = OrderService.requestHash("{\"a\":2,\"b\":{\"x\":[1,2]}}".getBytes(StandardCharsets.UTF_8));
    assertEquals(a, b);
    assertNotEquals(a, c);
  }

  @Test
  void orderNumbersCarryTheDay() {
    String n = OrderService.number(Instant.parse("2026-11-23T09:00:00Z"));
    assertTrue(n.matches("261123-[2-9A-Z]{6}"), n);
  }
}
