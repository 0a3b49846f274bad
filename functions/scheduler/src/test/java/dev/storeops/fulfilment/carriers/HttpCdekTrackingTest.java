package dev.storeops.fulfilment.carriers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.fulfilment.cdek.HttpCdekTracking;
import dev.storeops.stack.junit.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CDEK adapter against {@link CdekStandIn}: OAuth token cached until its expiry, statuses, errors. */
class HttpCdekTrackingTest {

  @Test
  void aTokenIsTakenOnceAndKeptUntilItExpires() throws Exception {
    try (CdekStandIn cdek = new CdekStandIn()) {
      cdek.answer("1106207236", "cdek-order-delivered.json");
      Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
      MovableClock clock = new MovableClock(t0);
      HttpCdekTracking api = new HttpCdekTracking(cdek.baseUrl(), CdekStandIn.CLIENT_ID, CdekStandIn.CLIENT_SECRET,
          clock);
      List<CarrierEvent> events = api.statuses("1106207236");
      assertEquals("DELIVERED", events.get(0).code());
      assertEquals(7, events.size());
      api.statuses("1106207236");
      assertEquals(1, cdek.tokenRequests(), "the token is cached");
      // expires_in 3599 s: a minute before its end a new one is taken
      clock.set(t0.plus(Duration.ofSeconds(3599 - 59)));
      api.statuses("1106207236");
      assertEquals(2, cdek.tokenRequests());
      // a token CDEK ended early: one new token, the question asked again
      cdek.revokeTokens();
      assertEquals("DELIVERED", api.statuses("1106207236").get(0).code());
      assertEquals(3, cdek.tokenRequests());
    }
  }

  @Test
  void anUnknownNumberHasNoStatusesAndAnOutageOrBadKeysAreUnavailable() throws Exception {
    try (CdekStandIn cdek = new CdekStandIn()) {
      HttpCdekTracking api = new HttpCdekTracking(cdek.baseUrl() + "/", CdekStandIn.CLIENT_ID,
          CdekStandIn.CLIENT_SECRET, Clock.systemUTC());
      assertTrue(api.statuses("0000000000").isEmpty());
      cdek.down(true);
      assertThrows(CarrierTracking.Unavailable.class, () -> api.statuses("0000000000"));
      cdek.down(false);
      HttpCdekTracking wrongKeys = new HttpCdekTracking(cdek.baseUrl(), CdekStandIn.CLIENT_ID, "wrong-secret",
          Clock.systemUTC());
      CarrierTracking.Unavailable refused = assertThrows(CarrierTracking.Unavailable.class,
          () -> wrongKeys.statuses("1106207236"));
      assertTrue(!refused.getMessage().contains("wrong-secret"), "the secret is never in a message");
    }
    HttpCdekTracking nobody = new HttpCdekTracking("http://127.0.0.1:9", "a", "b", Clock.systemUTC());
    assertThrows(CarrierTracking.Unavailable.class, () -> nobody.statuses("1"));
  }
}
