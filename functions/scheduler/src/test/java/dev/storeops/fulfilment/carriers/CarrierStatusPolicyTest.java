package dev.storeops.fulfilment.carriers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.fulfilment.cdek.HttpCdekTracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CarrierStatusPolicy} on CDEK's documented answers (events/carriers/) and the webhook's statuses. */
class CarrierStatusPolicyTest {
  private final CarrierStatusPolicy policy = new CarrierStatusPolicy();

  private ParcelReading latest(String fixture) {
    return policy.cdekLatest(HttpCdekTracking.events(CdekStandIn.fixture(fixture))).orElseThrow();
  }

  @Test
  void cdekAnswersMapOntoTheShopsStatuses() {
    ParcelReading delivered = latest("cdek-order-delivered.json");
    assertEquals(ParcelStatus.DELIVERED, delivered.status());
    assertEquals("DELIVERED", delivered.code());
    assertNull(delivered.reason());
    // CDEK writes offsets without a colon: 15:47:18+0300 is 12:47:18 UTC
    assertEquals(Instant.parse("2026-11-28T12:47:18Z"), delivered.at());

    ParcelReading notDelivered = latest("cdek-order-not-delivered.json");
    assertEquals(ParcelStatus.REFUSED, notDelivered.status());
    assertEquals(RefusalReason.NOT_DELIVERED, notDelivered.reason());

    ParcelReading returned = latest("cdek-order-returned-to-sender.json");
    assertEquals(ParcelStatus.REFUSED, returned.status());
    assertEquals("RETURNED_TO_SENDER_WAREHOUSE", returned.code());

    ParcelReading seized = latest("cdek-order-postomat-seized.json");
    assertEquals(ParcelStatus.NOT_COLLECTED, seized.status());
    assertEquals(RefusalReason.NOT_COLLECTED, seized.reason());

    assertEquals(ParcelStatus.READY_FOR_PICKUP, latest("cdek-order-ready-for-pickup.json").status());
    ParcelReading moving = latest("cdek-order-in-transit.json");
    assertEquals(ParcelStatus.IN_TRANSIT, moving.status());
    assertEquals("SENT_TO_RECIPIENT_CITY", moving.code());
  }

  @Test
  void theLatestStatusCountsWhateverTheOrderOfTheList() {
    List<CarrierEvent> events = new ArrayList<>(HttpCdekTracking.events(CdekStandIn.fixture("cdek-order-delivered.json")));
    Collections.reverse(events);
    assertEquals(ParcelStatus.DELIVERED, policy.cdekLatest(events).orElseThrow().status());
    assertTrue(policy.cdekLatest(HttpCdekTracking.events(CdekStandIn.fixture("cdek-order-not-found.json"))).isEmpty());
  }

  @Test
  void anUnknownCodeIsInTransitAndOnlyFinalStatusesEndThePolling() {
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    assertEquals(ParcelStatus.IN_TRANSIT, policy.cdek(new CarrierEvent("SOMETHING_NEW", at, null)).status());
    assertEquals(ParcelStatus.IN_TRANSIT, policy.cdek(new CarrierEvent("RETURNED_TO_DELIVERY_WAREHOUSE", at, null)).status());
    assertTrue(ParcelStatus.DELIVERED.isFinal());
    assertTrue(ParcelStatus.REFUSED.isFinal());
    assertTrue(ParcelStatus.NOT_COLLECTED.isFinal());
    assertTrue(!ParcelStatus.READY_FOR_PICKUP.isFinal() && !ParcelStatus.IN_TRANSIT.isFinal());
  }

  @Test
  void webhookStatusesCarryTheirReason() {
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    assertEquals(RefusalReason.REFUSED, policy.generic(ParcelStatus.REFUSED, at).reason());
    assertEquals(RefusalReason.NOT_COLLECTED, policy.generic(ParcelStatus.NOT_COLLECTED, at).reason());
    assertNull(policy.generic(ParcelStatus.DELIVERED, at).reason());
  }

  @Test
  void carrierNamesAsStaffTypeThem() {
    assertEquals(Carriers.CDEK, Carriers.id(" CDEK "));
    assertEquals(Carriers.CDEK, Carriers.id("СДЭК"));
    assertEquals("boxberry", Carriers.id("Boxberry"));
    assertEquals("pochta", Carriers.id("Почта России"));
    assertEquals("boxberry", Carriers.id("Боксберри"));
    assertEquals("деловыелинии", Carriers.id("Деловые Линии"));
    assertNull(Carriers.id("a/b"));
    assertNull(Carriers.id(" "));
    assertTrue(Carriers.polled(Carriers.id("cdek")));
    assertTrue(!Carriers.polled("boxberry"));
  }

  @Test
  void thePollBacksOffWhileNothingMovesAndWhileCdekIsDown() {
    Instant shipped = Instant.parse("2026-11-01T00:00:00Z");
    ParcelPollSchedule schedule = new ParcelPollSchedule(Duration.ofMinutes(60), Duration.ofDays(60));
    Instant now = shipped.plus(Duration.ofDays(1));
    Parcel fresh = new Parcel("cdek", "1", "ord_1", shipped, 3, 0, 0, ParcelStatus.IN_TRANSIT, null, "X", shipped);
    assertEquals(now.plus(Duration.ofMinutes(60)), schedule.next(fresh, now));
    Parcel quiet = new Parcel("cdek", "1", "ord_1", shipped, 9, 5, 0, ParcelStatus.IN_TRANSIT, null, "X", shipped);
    assertEquals(now.plus(Duration.ofMinutes(240)), schedule.next(quiet, now));
    Parcel down = fresh.unanswered().unanswered();
    assertEquals(now.plus(Duration.ofMinutes(240)), schedule.afterOutage(down, now));
    Parcel longDown = new Parcel("cdek", "1", "ord_1", shipped, 3, 0, 12, null, null, null, null);
    assertEquals(now.plus(Duration.ofMinutes(60 * 16)), schedule.afterOutage(longDown, now));
    assertNull(schedule.next(fresh, shipped.plus(Duration.ofDays(60))), "polling ends at the maximum age");
    Parcel done = fresh.polled(new ParcelReading(ParcelStatus.DELIVERED, null, "DELIVERED", now));
    assertNull(schedule.next(done, now));
    assertEquals(0, done.quietPolls());
    assertEquals(4, done.polls());
  }
}
