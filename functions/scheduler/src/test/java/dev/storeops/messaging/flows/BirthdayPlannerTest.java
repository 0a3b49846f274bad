package dev.storeops.messaging.flows;

import dev.storeops.scheduler.SchedulerHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.messaging.MailIntent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BirthdayPlannerTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private final List<MailIntent> queued = new ArrayList<>();
  private final Map<String, BirthdayPlanner.Promo> promos = new HashMap<>();
  private final Map<Figure, Long> figures = new EnumMap<>(Figure.class);
  private final Map<String, List<Customer>> byDay = new HashMap<>();

  private static Customer customer(String id, String birthday, boolean consent) {
    return new Customer(id, id + "@example.com", "Name " + id, null, LocalDate.parse(birthday), consent, null, "ru",
        Instant.EPOCH, null);
  }

  private BirthdayPlanner planner(Instant now) {
    return new BirthdayPlanner(day -> byDay.getOrDefault(day, List.of()),
        new BirthdayPlanner.PromoCodes() {
          @Override
          public BirthdayPlanner.Promo issue(String customerId, int year, int discountPercent, Instant expiresAt) {
            return promos.computeIfAbsent(customerId + year, k -> new BirthdayPlanner.Promo("BD-" + customerId, false));
          }

          @Override
          public void markMailQueued(String customerId, int year) {
            promos.put(customerId + year, new BirthdayPlanner.Promo(promos.get(customerId + year).code(), true));
          }
        },
        intents -> queued.addAll(intents),
        new MailFigures() {
          @Override
          public void add(String flow, Figure figure, long count, LocalDate day) {
            figures.merge(figure, count, Long::sum);
          }

          @Override
          public Map<Figure, Long> totals(String flow) {
            return figures;
          }
        },
        Clock.fixed(now, MOSCOW), MOSCOW, 15);
  }

  @Test
  void theDayIsTheShopsDayNotUtcs() {
    byDay.put("03-15", List.of(customer("cus_a", "1990-03-15", true)));
    // 22:30 UTC on 14 March is already 15 March in Moscow
    Map<String, Object> result = planner(Instant.parse("2027-03-14T22:30:00Z")).run();
    assertEquals("2027-03-15", result.get("day"));
    assertEquals(1, queued.size());
    MailIntent intent = queued.get(0);
    assertEquals("birthday#cus_a#2027", intent.dedupeKey());
    assertEquals(MailIntent.Category.MARKETING, intent.category());
    assertEquals("BD-cus_a", intent.data().get("promoCode"));
    assertEquals("15%", intent.data().get("discountText"));
    assertEquals("2027-03-28", intent.data().get("validUntil"), "valid 14 days: 15th..28th inclusive");
  }

  @Test
  void onlyConsentingCustomersAndASecondRunPlansNothingNew() {
    byDay.put("07-01", List.of(customer("cus_b", "1980-07-01", true), customer("cus_c", "1985-07-01", false)));
    BirthdayPlanner p = planner(Instant.parse("2027-07-01T07:00:00Z"));
    Map<String, Object> first = p.run();
    assertEquals(1, first.get("planned"));
    assertEquals(1, first.get("skippedNoConsent"));
    Map<String, Object> second = p.run();
    assertEquals(0, second.get("planned"));
    assertEquals(1, queued.size());
    assertEquals(1L, figures.get(Figure.PLANNED));
  }

  @Test
  void leapDayBirthdaysAreCelebratedOn28FebruaryInOtherYears() {
    assertEquals(List.of("02-28", "02-29"), BirthdayPlanner.monthDays(LocalDate.parse("2027-02-28")));
    assertEquals(List.of("02-28"), BirthdayPlanner.monthDays(LocalDate.parse("2028-02-28")));
    assertEquals(List.of("02-29"), BirthdayPlanner.monthDays(LocalDate.parse("2028-02-29")));
    byDay.put("02-29", List.of(customer("cus_d", "2000-02-29", true)));
    planner(Instant.parse("2027-02-28T09:00:00Z")).run();
    assertEquals("cus_d", queued.get(0).customerId());
  }

  @Test
  void theSchedulerDispatchesByTheJobInItsInput() {
    List<String> ran = new ArrayList<>();
    SchedulerHandler handler = new SchedulerHandler(Map.of("birthday", () -> {
      ran.add("birthday");
      return Map.of("job", "birthday");
    }));
    assertEquals(Map.of("job", "birthday"), handler.handleRequest(Map.of("job", "birthday"), null));
    assertEquals(List.of("birthday"), ran);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> handler.handleRequest(Map.of("job", "nope"), null));
    assertTrue(e.getMessage().contains("nope"));
    assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of(), null));
  }
}
