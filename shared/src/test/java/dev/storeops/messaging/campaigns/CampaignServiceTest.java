package dev.storeops.messaging.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.http.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant SEND_AT = Instant.parse("2026-12-20T07:00:00Z");
  private final Map<String, Campaign> saved = new HashMap<>();

  private static Customer customer(String id, boolean consent, String locale) {
    return new Customer(id, id + "@example.com", "Name " + id, null, null, consent, NOW, locale, NOW, null);
  }

  private CampaignService service(List<Recipients.Candidate> candidates) {
    CampaignService.Store store = new CampaignService.Store() {
      @Override
      public void create(Campaign campaign) {
        saved.put(campaign.id(), campaign);
      }

      @Override
      public Optional<Campaign> find(String id) {
        return Optional.ofNullable(saved.get(id));
      }

      @Override
      public boolean schedule(String id, Instant sendAt, Instant now, String by) {
        Campaign c = saved.get(id);
        if (!"DRAFT".equals(c.status())) {
          return false;
        }
        saved.put(id, new Campaign(c.id(), c.name(), c.template(), c.subject(), c.body(), c.discountCode(), c.segment(),
            c.sendAt(), "SCHEDULED", c.createdBy(), c.createdAt(), c.preview(), null));
        return true;
      }
    };
    return new CampaignService(store, (segment, action) -> candidates.forEach(action), new MailTemplates(),
        new MailPolicy(MailPolicy.DEFAULT_CAP, "ru"),
        new MailFigures() {
          @Override
          public void add(String flow, Figure figure, long count, LocalDate day) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Map<Figure, Long> totals(String flow) {
            Map<Figure, Long> f = new EnumMap<>(Figure.class);
            for (Figure x : Figure.values()) {
              f.put(x, 0L);
            }
            f.put(Figure.SENT, 7L);
            return f;
          }
        },
        Clock.fixed(NOW, ZoneOffset.UTC), "https://shop.example.com");
  }

  private static CampaignRequest request(String sendAt) {
    return new CampaignRequest("NY", "campaign", "Новогодняя распродажа", "Скидки до 30%",
        new CampaignRequest.Segment("all-with-consent"), "NY2027", sendAt,
        new CampaignRequest.Discount(10, null, null, null, 500, true, 0L));
  }

  @Test
  void previewCountsWhatConsentSuppressionAndTheCapAtSendTimeLeave() {
    CampaignService service = service(List.of(
        new Recipients.Candidate(customer("cus_en", true, "en"), false, null),
        new Recipients.Candidate(customer("cus_ok", true, "ru"), false, SEND_AT.minus(Duration.ofHours(17))),
        new Recipients.Candidate(customer("cus_cap", true, "ru"), false, SEND_AT.minus(Duration.ofHours(2))),
        new Recipients.Candidate(customer("cus_sup", true, "ru"), true, null),
        new Recipients.Candidate(customer("cus_no", false, "ru"), false, null)));
    CampaignService.Created created = service.create(request(SEND_AT.toString()), "mgr_1");
    Campaign c = created.campaign();
    assertEquals(new Campaign.Preview(5, 1, 1, 1, 2), c.preview());
    assertEquals("DRAFT", c.status());
    assertEquals("mgr_1", c.createdBy());
    assertTrue(c.id().startsWith("cmp_"));
    assertEquals("campaign:" + c.id(), c.flow());
    assertEquals("Новогодняя распродажа", created.sample().subject());
    assertTrue(created.sample().text().contains("Promo code: NY2027"), "sample in the first recipient's locale (en)");
    assertTrue(created.sample().text().contains("Unsubscribe: (unsubscribe link)"));
    assertEquals(c, saved.get(c.id()));
  }

  @Test
  void withNobodyEligibleTheSampleIsInTheShopsLocale() {
    CampaignService.Created created = service(List.of()).create(request(SEND_AT.toString()), "mgr_1");
    assertEquals(new Campaign.Preview(0, 0, 0, 0, 0), created.campaign().preview());
    assertTrue(created.sample().text().contains("Промокод: NY2027"));
  }

  @Test
  void invalidRequestsNameEveryField() {
    DomainException e = assertThrows(DomainException.class, () -> service(List.of()).create(
        new CampaignRequest(null, "welcome", " ", null, new CampaignRequest.Segment("vip"), "ny 2027",
            "yesterday"), "mgr_1"));
    assertEquals(400, Problems.of(e).status());
    Set<String> fields = new HashSet<>();
    Problems.of(e).errors().forEach(f -> fields.add(f.field()));
    assertEquals(Set.of("template", "subject", "body", "segment.type", "discountCode", "discount", "sendAt"), fields);
    DomainException past = assertThrows(DomainException.class,
        () -> service(List.of()).create(request(NOW.minusSeconds(1).toString()), "mgr_1"));
    assertEquals("sendAt", Problems.of(past).errors().get(0).field());
  }

  @Test
  void theCreatorAloneCannotScheduleTheirCampaignButTheOwnerCan() {
    CampaignService service = service(List.of());
    Campaign c = service.create(request(SEND_AT.toString()), "mkt_1").campaign();
    DomainException alone = assertThrows(DomainException.class, () -> service.schedule(c.id(), "mkt_1", false));
    assertEquals(403, Problems.of(alone).status());
    assertEquals("https://storeops.dev/problems/four-eyes", Problems.of(alone).type());
    assertEquals("DRAFT", service.get(c.id()).status());
    assertEquals("SCHEDULED", service.schedule(c.id(), "mkt_1", true).status());
  }

  @Test
  void onlyADraftCanBeScheduledAndTheViewHasFigures() {
    CampaignService service = service(List.of());
    Campaign c = service.create(request(SEND_AT.toString()), "mgr_1").campaign();
    assertEquals("SCHEDULED", service.schedule(c.id(), "mgr_2", false).status());
    assertEquals(409, Problems.of(assertThrows(DomainException.class, () -> service.schedule(c.id(), "mgr_2", false))).status());
    assertEquals(404, Problems.of(assertThrows(DomainException.class, () -> service.get("cmp_nope"))).status());
    @SuppressWarnings("unchecked")
    Map<String, Long> figures = (Map<String, Long>) service.view(c.id()).get("figures");
    assertEquals(7L, figures.get("sent"));
    assertEquals(0L, figures.get("skippedCapped"));
  }
}
