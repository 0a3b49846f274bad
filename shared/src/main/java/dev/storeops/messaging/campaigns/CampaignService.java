package dev.storeops.messaging.campaigns;

import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.Unprocessable;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.messaging.sending.RenderedMail;
import dev.storeops.messaging.sending.TemplateException;
import dev.storeops.customers.Customer;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.MailFigures;
import dev.storeops.platform.errors.Validation;
import dev.storeops.messaging.MailIntent;
import dev.storeops.platform.ids.Ids;
import dev.storeops.ordering.promo.PromoCode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Staff campaigns: create a draft with its preview (recipients after consent, suppression and the
 * cap at the send time; a rendered sample), schedule it, read it with its figures.
 */
public final class CampaignService {
  public static final Set<String> SEGMENTS = Set.of(Campaign.SEGMENT_ALL_WITH_CONSENT,
      OrderSegments.BOUGHT_IN_CATEGORY, OrderSegments.ORDERED_IN_LAST_DAYS);
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

  /** Where campaigns are kept (the DynamoDB repository in production). */
  public interface Store {
    void create(Campaign campaign);

    Optional<Campaign> find(String id);

    /** DRAFT → SCHEDULED at {@code sendAt}, recording who scheduled it; false when it was not a draft. */
    boolean schedule(String id, Instant sendAt, Instant now, String by);
  }

  /** A created campaign with its rendered sample. */
  public record Created(Campaign campaign, RenderedMail sample) {}

  private final Store store;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final MailPolicy policy;
  private final MailFigures figures;
  private final Clock clock;
  private final String shopUrl;

  public CampaignService(Store store, Recipients recipients, MailTemplates templates, MailPolicy policy,
      MailFigures figures, Clock clock, String shopUrl) {
    this.store = store;
    this.recipients = recipients;
    this.templates = templates;
    this.policy = policy;
    this.figures = figures;
    this.clock = clock;
    this.shopUrl = shopUrl;
  }

  public Created create(CampaignRequest r, String staffId) {
    Instant now = clock.instant();
    Validation v = new Validation();
    String template = r.template() == null ? "campaign" : r.template().trim();
    if (!"campaign".equals(template)) {
      v.error("template", "must be 'campaign' (subject and body come from the campaign)");
    }
    String subject = text(r.subject(), "subject", 200, v);
    String body = text(r.body(), "body", 20_000, v);
    String segment = r.segment() == null || r.segment().type() == null ? null : r.segment().type().trim();
    if (segment == null) {
      v.error("segment.type", "is required");
    } else if (!SEGMENTS.contains(segment)) {
      v.error("segment.type", "must be one of " + SEGMENTS);
    } else if (OrderSegments.BOUGHT_IN_CATEGORY.equals(segment)) {
      if (OrderSegments.validCategory(r.segment().category())) {
        segment = OrderSegments.boughtInCategory(r.segment().category());
      } else {
        v.error("segment.category", "is required: 1-100 letters, digits, spaces or _ . & / -");
      }
    } else if (OrderSegments.ORDERED_IN_LAST_DAYS.equals(segment)) {
      if (OrderSegments.validDays(r.segment().days())) {
        segment = OrderSegments.orderedInLastDays(r.segment().days());
      } else {
        v.error("segment.days", "is required: a whole number of days from 1 to " + OrderSegments.MAX_DAYS);
      }
    }
    String code = r.discountCode() == null || r.discountCode().isBlank() ? null : r.discountCode().trim();
    if (code != null && !CODE.matcher(code).matches()) {
      v.error("discountCode", "must be 3 to 32 of A-Z, 0-9 and '-'");
    }
    CampaignRequest.Discount d = r.discount();
    if (code != null && d == null) {
      v.error("discount", "is required with discountCode: percent or amountMinor (and optional validity and limits)");
    } else if (code == null && d != null) {
      v.error("discountCode", "is required with discount");
    }
    if (d != null) {
      if ((d.percent() == null) == (d.amountMinor() == null)) {
        v.error("discount.percent", "give either percent (1-100) or amountMinor (kopecks)");
      } else if (d.percent() != null && (d.percent() < 1 || d.percent() > 100)) {
        v.error("discount.percent", "must be 1 to 100");
      } else if (d.amountMinor() != null && d.amountMinor() < 1) {
        v.error("discount.amountMinor", "must be at least 1 kopeck");
      }
      if (d.maxUses() != null && d.maxUses() < 1) {
        v.error("discount.maxUses", "must be at least 1");
      }
      if (d.minOrderMinor() != null && d.minOrderMinor() < 0) {
        v.error("discount.minOrderMinor", "must not be negative");
      }
    }
    Instant validFrom = d == null ? null : instant(d.validFrom(), "discount.validFrom", v);
    Instant validUntil = d == null ? null : instant(d.validUntil(), "discount.validUntil", v);
    if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
      v.error("discount.validUntil", "must be after validFrom");
    }
    Instant sendAt = null;
    if (r.sendAt() == null || r.sendAt().isBlank()) {
      v.error("sendAt", "is required");
    } else {
      try {
        sendAt = Instant.parse(r.sendAt().trim());
        if (sendAt.isBefore(now)) {
          v.error("sendAt", "must not be in the past");
        }
      } catch (DateTimeParseException e) {
        v.error("sendAt", "must be an ISO-8601 instant, e.g. 2026-12-30T07:00:00Z");
      }
    }
    String name = r.name() == null || r.name().isBlank() ? subject : r.name().strip();
    v.throwIfInvalid();

    long[] counts = new long[5];
    Customer[] sampleCustomer = new Customer[1];
    Instant at = sendAt;
    recipients.forEach(segment, c -> {
      counts[0]++;
      Optional<MailPolicy.SkipReason> skip = policy.check(MailIntent.Category.MARKETING, c.customer(), c.suppressed(),
          c.lastMarketingAt(), at);
      if (skip.isEmpty()) {
        counts[4]++;
        if (sampleCustomer[0] == null) {
          sampleCustomer[0] = c.customer();
        }
      } else {
        counts[switch (skip.get()) {
          case NO_CONSENT -> 1;
          case SUPPRESSED -> 2;
          case CAPPED -> 3;
        }]++;
      }
    });
    String id = Ids.newId("cmp", clock);
    PromoCode promo = d == null ? null : new PromoCode(code, PromoCode.CAMPAIGN, id, null, d.percent(), d.amountMinor(),
        d.minOrderMinor() == null ? 0 : d.minOrderMinor(), validFrom, validUntil, d.maxUses(), 0,
        d.oncePerCustomer() == null || d.oncePerCustomer());
    Campaign campaign = new Campaign(id, name, template, subject, body, code, segment, sendAt,
        "DRAFT", staffId, now, new Campaign.Preview(counts[0], counts[1], counts[2], counts[3], counts[4]), null, promo);
    RenderedMail sample = sample(campaign, sampleCustomer[0]);
    store.create(campaign);
    return new Created(campaign, sample);
  }

  private static Instant instant(String value, String field, Validation v) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      v.error(field, "must be an ISO-8601 instant, e.g. 2026-12-31T21:00:00Z");
      return null;
    }
  }

  /** The mail as its first recipient would get it (the shop's default locale when nobody qualifies). */
  public RenderedMail sample(Campaign campaign, Customer customer) {
    Map<String, Object> data = new HashMap<>(intentData(campaign));
    data.put("shopUrl", shopUrl);
    data.put("unsubscribeUrl", "(unsubscribe link)");
    if (customer != null) {
      data.put("customerName", customer.name());
    }
    try {
      return templates.render(campaign.template(), policy.locale(null, customer, MailTemplates.LOCALES), data);
    } catch (TemplateException e) {
      throw new Unprocessable("campaign-does-not-render", e.getMessage());
    }
  }

  /** The template data of every mail of the campaign. */
  public static Map<String, Object> intentData(Campaign campaign) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subject", campaign.subject());
    data.put("body", campaign.body());
    if (campaign.discountCode() != null) {
      data.put("discountCode", campaign.discountCode());
    }
    return data;
  }

  /**
   * Schedules a draft, by a second person or the owner ({@link CampaignFourEyesPolicy}).
   *
   * @param by the staff id scheduling it
   * @param byOwner whether that person has the owner role
   */
  public Campaign schedule(String id, String by, boolean byOwner) {
    Campaign c = get(id);
    CampaignFourEyesPolicy.check(c, by, byOwner);
    if (!store.schedule(id, c.sendAt(), clock.instant(), by)) {
      throw new Conflict("campaign-not-draft", "Campaign " + id + " is " + get(id).status()
          + "; only a DRAFT can be scheduled.", List.of());
    }
    return get(id);
  }

  public Campaign get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("Campaign " + id));
  }

  /** The campaign and its mail figures (planned, sent, skipped by reason, failed). */
  public Map<String, Object> view(String id) {
    Campaign c = get(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaign", c);
    Map<String, Long> f = new LinkedHashMap<>();
    figures.totals(c.flow()).forEach((figure, n) -> f.put(figure.attribute(), n));
    out.put("figures", f);
    return out;
  }

  private static String text(String raw, String field, int max, Validation v) {
    if (raw == null || raw.isBlank()) {
      v.error(field, "is required");
      return null;
    }
    String t = raw.strip();
    if (t.length() > max) {
      v.error(field, "must be at most " + max + " characters");
      return null;
    }
    return t;
  }
}
